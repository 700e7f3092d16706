using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gifting.Core.Codes;
using Gifting.Core.Links;
using Gifting.Integration.Tests.Communication;
using Gifting.Integration.Tests.Orders;
using Microsoft.Azure.Cosmos;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.Secrets;

/// <summary>
/// After every other test of the run (see <see cref="FinalScan"/>): no claim code, link token or key that any test's
/// app handled is in a stored document, a log line, a trace's name or attributes, or a problem answer. The scan also
/// drives, itself, each path that handles a secret, so it proves something when it runs alone too.
/// </summary>
[Collection(FinalScan.Collection)]
public sealed partial class SecretScanTests(FinalScanFixture scan, ITestOutputHelper output)
{
    private CosmosFixture Cosmos => scan.Cosmos;

    [Fact]
    public async Task AfterTheWholeRun_NoSecretIsStoredLoggedTracedOrAnswered()
    {
        await DriveEveryPathThatHandlesASecretAsync();
        var documents = await ObserveEveryStoredDocumentAsync();

        var findings = SecretWitness.Findings();
        var registered = SecretWitness.Registered;
        var observed = SecretWitness.ObservedTexts;
        var texts = observed.Values.Sum();
        ReliabilityReport.Record(output, "secrets",
            $"{registered.GetValueOrDefault(SecretKind.ClaimCode) / 4} codes, " +
            $"{registered.GetValueOrDefault(SecretKind.LinkToken)} link tokens, " +
            $"{registered.GetValueOrDefault(SecretKind.Key)} key windows; {documents} documents, " +
            $"{observed.GetValueOrDefault("log")} log lines, {observed.GetValueOrDefault("trace")} spans, " +
            $"{observed.GetValueOrDefault("problem")} problems; after other tests: {scan.AfterOtherTests}",
            cases: texts, faults: 0, violations: findings.Count);

        Assert.True(registered.GetValueOrDefault(SecretKind.ClaimCode) > 0, "no claim code was registered");
        Assert.True(registered.GetValueOrDefault(SecretKind.LinkToken) > 0, "no link token was registered");
        Assert.True(registered.GetValueOrDefault(SecretKind.Key) > 0, "no key was registered");
        foreach (var place in new[] { "log", "trace", "problem" })
            Assert.True(observed.GetValueOrDefault(place) > 0, $"nothing was observed in {place}");
        Assert.True(documents > 0);
        Assert.True(findings.Count == 0, "secrets found: " + string.Join(", ", findings));
    }

    [Fact]
    public void TheScan_FindsAPlantedCodeTokenAndKey_InEverySpellingAndPlace()
    {
        var code = ClaimCode.Generate();
        var token = LinkToken.Encode(LinkToken.Generate());
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        SecretWitness.Register(SecretKind.ClaimCode, code.Normalized);
        SecretWitness.Register(SecretKind.LinkToken, token);
        SecretWitness.Register(SecretKind.Key, key);
        var display = code.Display;
        var typed = display.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o').Replace('1', 'l');

        string[] leaks =
        [
            $"{{\"code\":\"{display}\"}}", $"redeemed {code.Normalized.ToLowerInvariant()}", $"input '{typed}'",
            $"prefix {code.Normalized[..12]}", $"GET /redeem?t={token}&x=1", $"key={key[..22]}",
            $"{{\"body\":\"{key}\"}}",
        ];
        var found = SecretWitness.FindingsIn(leaks.Select((text, i) => ($"planted-{i}", text)));

        Assert.Equal(leaks.Length, found.Select(f => f.Place).Distinct().Count());
        Assert.Empty(SecretWitness.FindingsIn([("clean", Harmless(code, token, key))]));
    }

    [Fact]
    public void TheScan_DoesNotFindACode_InItsFirstElevenSymbolsAndAnother_WhenItsTwelfthSymbolIsX()
    {
        var code = Enumerable.Range(0, 10_000).Select(_ => ClaimCode.Generate()).First(c => c.Normalized[11] == 'X');
        var token = LinkToken.Encode(LinkToken.Generate());
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        SecretWitness.Register(SecretKind.ClaimCode, code.Normalized);
        SecretWitness.Register(SecretKind.LinkToken, token);
        SecretWitness.Register(SecretKind.Key, key);

        Assert.Empty(SecretWitness.FindingsIn([("clean", Harmless(code, token, key))]));
    }

    /// <summary>A text that holds pieces of each secret, each one symbol short of a leak: the last four symbols of the
    /// code, its first eleven followed by a symbol that is not its twelfth, and a token and key cut short.</summary>
    private static string Harmless(ClaimCode code, string token, string key)
    {
        var notTheTwelfth = code.Normalized[11] == 'X' ? 'y' : 'x';
        return $"card ****-******-{code.Last4} {token[..21]} {code.Normalized[..11]}-{notTheTwelfth} {key[..21]}";
    }

    private async Task DriveEveryPathThatHandlesASecretAsync()
    {
        await using var acs = await FakeAcs.StartAsync();
        using var orders = new OrderApp(Cosmos, new Dictionary<string, string>
        {
            ["Communication:ConnectionString"] = acs.ConnectionString,
            ["Communication:EmailSender"] = AcsClients.Sender,
            ["Communication:SmsFrom"] = AcsClients.SmsFrom,
        });
        var app = orders.App;
        var issuer = app.ClientFor("issuer-scan", "issuer");
        var key = Api.NewId("issue");
        var batch = new
        {
            count = 4, value = new { amount = 2500L, currency = "USD" }, marketplace = "US", kind = "digital",
        };
        using var issued = await issuer.PostJsonAsync("/api/cards", batch, key);
        using var replayed = await issuer.PostJsonAsync("/api/cards", batch, key);
        Assert.Equal(201, (int)issued.StatusCode);
        var cards = (await issued.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
        var codes = cards.Select(c => c.GetProperty("code").GetString()!).ToArray();

        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        await shopper.RedeemAsync(codes[0]);
        await shopper.RedeemAsync(codes[0]);
        await shopper.RedeemAsync(codes[1].ToLowerInvariant().Replace('-', ' ').Replace('0', 'o'));
        await shopper.RedeemAsync(codes[2][..^1] + (codes[2][^1] == 'A' ? 'B' : 'A'));
        await app.ClientFor(Api.NewId("other"), "customer", marketplace: "DE").RedeemAsync(codes[3]);
        await shopper.PostRawAsync("/api/redemptions", $"{{\"code\":\"{codes[3]}\",\"code\":5}}");
        await shopper.PostRawAsync("/api/redemptions", $"{{\"code\":\"{codes[3]}\"");
        await app.ClientFor("help-1", "support").GetAsync($"/api/cards/{cards[0].GetProperty("serial")}");

        var org = await orders.FundedOrgAsync(1_000_00);
        using var placed = await OrderApp.PostCsvAsync(orders.Buyer(org), OrderBodies.Csv(2), Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        await orders.DeliverChunksAsync();
        foreach (var delivery in orders.Deliveries)
        {
            using var sent = await app.CreateClient().InvokeAsync("DeliverGift", HostPayloads.ServiceBus(
                "message", Encoding.UTF8.GetString(delivery.Body.Span), delivery.MessageId));
        }
        var tokens = acs.Accepted.SelectMany(r => LinkTokens().Matches(r.Body)).Select(m => m.Groups["t"].Value)
            .Distinct().ToArray();
        Assert.NotEmpty(tokens);
        var recipient = app.ClientFor(Api.NewId("recipient"), "customer");
        await recipient.PostJsonAsync("/api/link-previews", new { linkToken = tokens[0] }, null);
        await app.CreateClient().GetAsync($"/redeem?t={tokens[0]}");
        await recipient.PostJsonAsync("/api/redemptions", new { linkToken = tokens[0] }, Api.NewId("k"));
        await recipient.PostJsonAsync("/api/redemptions", new { linkToken = tokens[0] }, Api.NewId("k"));
        await recipient.PostJsonAsync("/api/redemptions", new { linkToken = tokens[0][..^1] + "_" }, null);

        var refund = JsonSerializer.Serialize(new
        {
            refundId = Api.NewId("rf"), accountId = "nobody", code = codes[1], link = $"/redeem?t={tokens[^1]}",
        });
        await app.CreateClient().InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", refund, "m-1"));
        await app.CreateClient().InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", refund[..^3], "m-2"));
    }

    private async Task<int> ObserveEveryStoredDocumentAsync()
    {
        using var client = Cosmos.CreateClient();
        var database = client.GetDatabase(Cosmos.Database);
        var count = 0;
        using var containers = database.GetContainerQueryIterator<ContainerProperties>();
        while (containers.HasMoreResults)
        {
            foreach (var properties in await containers.ReadNextAsync())
            {
                using var feed = database.GetContainer(properties.Id).GetItemQueryIterator<JsonElement>((string?)null);
                while (feed.HasMoreResults)
                {
                    foreach (var document in await feed.ReadNextAsync())
                    {
                        count++;
                        var text = document.GetRawText();
                        SecretWitness.Observe("document:" + properties.Id, text);
                        foreach (var decoded in Base64Members(document))
                            SecretWitness.Observe("document:" + properties.Id + " (base64)", decoded);
                    }
                }
            }
        }
        return count;
    }

    /// <summary>Stored answers and message bodies are kept as base64: what they say is searched too.</summary>
    private static IEnumerable<string> Base64Members(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                foreach (var decoded in Base64Members(member.Value))
                    yield return decoded;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                foreach (var decoded in Base64Members(item))
                    yield return decoded;
                break;
            case JsonValueKind.String when element.GetString() is { Length: >= 16 } text && text.Length % 4 == 0:
                var bytes = new byte[text.Length];
                if (Convert.TryFromBase64String(text, bytes, out var written))
                    yield return Encoding.UTF8.GetString(bytes, 0, written);
                break;
        }
    }

    [GeneratedRegex(@"[?&]t=(?<t>[A-Za-z0-9_-]{22})")]
    private static partial Regex LinkTokens();
}
