using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Http;

/// <summary>No claim code, in any spelling, appears in a stored document or a log line.</summary>
[Collection(CosmosCollection.Name)]
public sealed class SecretHygieneTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task ClaimCodes_NeverReachStorageOrLogs()
    {
        using var app = new GiftingFactory(cosmos);
        var cards = await app.ClientFor("issuer-1", "issuer").IssueAsync(count: 5);
        var codes = cards.Select(c => c.GetProperty("code").GetString()!).ToArray();
        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        foreach (var code in codes.Take(3))
            Assert.Equal(200, (int)(await shopper.RedeemAsync(code.ToLowerInvariant(), Api.NewId("k"))).StatusCode);
        await shopper.RedeemAsync(codes[3][..^1] + "-");
        await shopper.PostRawAsync("/api/redemptions", "{\"code\": \"" + codes[4] + "\", \"code\": 5}");

        var stored = await AllDocumentsAsync();
        var logs = string.Join('\n', app.Logs.Lines);

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(cards[0].GetProperty("serial").GetString()!, stored, StringComparison.Ordinal);
        foreach (var spelling in codes.SelectMany(Spellings))
        {
            Assert.DoesNotContain(spelling, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(spelling, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<string> Spellings(string display) =>
        [
            display, display.Replace("-", "", StringComparison.Ordinal), display[..11],
            display.Replace("-", "", StringComparison.Ordinal)[4..]
        ];

    private async Task<string> AllDocumentsAsync()
    {
        var containers = cosmos.Containers();
        var all = new List<string>();
        foreach (var container in new[]
            { containers.Cards, containers.Ledger, containers.Throttles, containers.Idempotency })
        {
            using var feed = container.GetItemQueryIterator<JsonElement>((string?)null);
            while (feed.HasMoreResults)
                all.AddRange((await feed.ReadNextAsync()).Select(d => d.GetRawText()));
        }
        // The idempotency records keep replayable responses as base64: decode them too.
        var decoded = all.SelectMany(DecodedBodies);
        return string.Join('\n', all.Concat(decoded));
    }

    private static IEnumerable<string> DecodedBodies(string document)
    {
        using var json = JsonDocument.Parse(document);
        if (json.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
            yield return System.Text.Encoding.UTF8.GetString(body.GetBytesFromBase64());
    }
}
