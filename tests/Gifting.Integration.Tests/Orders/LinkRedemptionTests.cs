using System.Text.Json;
using Gifting.Core;
using Gifting.Core.Links;
using Gifting.Core.Orders;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Orders;

/// <summary>
/// One-click links through HTTP against the database: a line's token redeems its card once and counts the line, and
/// reuse, another shopper, expiry and an altered token get the code's answers, with the token nowhere in clear.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LinkRedemptionTests(CosmosFixture cosmos) : IDisposable
{
    private readonly ShiftedClock _clock = new();
    private OrderApp? _orders;

    private OrderApp Orders => _orders ??= new OrderApp(cosmos,
        new Dictionary<string, string> { ["Links:Lifetime"] = "01:00:00" },
        services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _orders?.Dispose();

    [Fact]
    public async Task RedeemByLink_CreditsOnceAndCountsTheLine_ThenAnswersAlreadyRedeemed_SayingSoToTheRedeemer()
    {
        var (org, orderId, tokens) = await IssueAsync(2);
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");
        var bob = Orders.App.ClientFor(Api.NewId("bob"), "customer");

        using var redeemed = await RedeemLinkAsync(alice, tokens[0]);
        using var again = await RedeemLinkAsync(alice, tokens[0]);
        using var other = await RedeemLinkAsync(bob, tokens[0]);

        Assert.Equal(200, (int)redeemed.StatusCode);
        var body = await redeemed.JsonAsync();
        Assert.Equal(25_00, body.GetProperty("card").GetProperty("value").GetProperty("amount").GetInt64());
        Assert.StartsWith("rdm_", body.GetProperty("redemptionId").GetString(), StringComparison.Ordinal);
        var mine = await again.AssertProblemAsync(409, "already_redeemed");
        Assert.True(mine.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(body.GetProperty("redemptionId").GetString(), mine.GetProperty("redemptionId").GetString());
        var bare = await other.AssertProblemAsync(409, "already_redeemed");
        Assert.False(bare.TryGetProperty("redeemedByYou", out _));
        Assert.Equal(25_00, await alice.GiftBalanceAsync());
        Assert.Equal(0, await bob.GiftBalanceAsync());
        var buyer = Orders.Buyer(org);
        var order = await OrderApp.OrderAsync(buyer, orderId);
        Assert.Equal(1, order.GetProperty("counts").GetProperty("redeemed").GetInt32());
        var lines = await OrderApp.LinesAsync(buyer, orderId);
        Assert.Equal(["redeemed", "scheduled"], lines.Select(l => l.GetProperty("status").GetString()));
        var line = await LineAsync(orderId, 0);
        Assert.Null(line.SealedLink);
        Assert.Null(line.SealedCode);
    }

    [Fact]
    public async Task RedeemByLink_AlteredOrExpired_AnswersInvalidCode_AndTheCodeStillRedeems()
    {
        var (_, orderId, tokens) = await IssueAsync(1);
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");
        var tampered = tokens[0][..5] + (tokens[0][5] == 'x' ? 'y' : 'x') + tokens[0][6..];

        using var altered = await RedeemLinkAsync(alice, tampered);
        _clock.Advance(TimeSpan.FromHours(1));
        using var expired = await RedeemLinkAsync(alice, tokens[0]);

        var unknown = await altered.AssertProblemAsync(400, "invalid_code");
        Assert.Equal("This claim code is not valid.", unknown.GetProperty("detail").GetString());
        var late = await expired.AssertProblemAsync(400, "invalid_code");
        Assert.Equal(LinkedCards.Expired, late.GetProperty("detail").GetString());
        var code = Orders.App.Services.GetRequiredService<Core.Codes.CodeCipher>()
            .Decrypt((await LineAsync(orderId, 0)).SealedCode!, GiftLine.OwnerOf(orderId, 0));
        using var typed = await alice.RedeemAsync(code.Display);
        Assert.Equal(200, (int)typed.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\": \"ABCD-EFGHJK-MNPQR\", \"linkToken\": \"AAAAAAAAAAAAAAAAAAAAAA\"}")]
    [InlineData("{\"linkToken\": 22}")]
    public async Task Redeem_WithoutExactlyOneOfCodeAndLinkToken_AnswersInvalidJson(string body)
    {
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");

        using var response = await alice.PostRawAsync("/api/redemptions", body);

        await response.AssertProblemAsync(400, "invalid_json");
    }

    [Fact]
    public async Task LinkTokens_NeverReachStorageLogsOrProblems()
    {
        var (_, orderId, tokens) = await IssueAsync(2);
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");
        var tampered = tokens[1][..^2] + "zz";
        var answers = new List<string>();
        foreach (var token in new[] { tokens[0], tokens[0], tampered, tokens[1] + "!" })
        {
            using var response = await RedeemLinkAsync(alice, token, Api.NewId("k"));
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        using var malformed = await alice.PostRawAsync("/api/redemptions",
            "{\"linkToken\": \"" + tokens[1] + "\", \"linkToken\": 5}");
        answers.Add(await malformed.Content.ReadAsStringAsync());

        var stored = await AllDocumentsAsync();
        var logs = string.Join('\n', Orders.App.Logs.Lines);

        Assert.NotEmpty(Orders.App.Logs.Lines);
        Assert.Contains(orderId, stored, StringComparison.Ordinal);
        foreach (var spelling in tokens.SelectMany(Spellings).Append(tampered))
        {
            Assert.DoesNotContain(spelling, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(spelling, logs, StringComparison.Ordinal);
            Assert.All(answers, a => Assert.DoesNotContain(spelling, a, StringComparison.Ordinal));
        }
    }

    /// <summary>The token as sent, in standard base64, and as hex of its bytes.</summary>
    private static IEnumerable<string> Spellings(string token)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        return [token, Convert.ToBase64String(bytes).TrimEnd('='), Convert.ToHexString(bytes)];
    }

    /// <summary>An order of <paramref name="count"/> lines of 25.00, issued; each line's link token.</summary>
    private async Task<(string Org, string OrderId, string[] Tokens)> IssueAsync(int count)
    {
        var org = await Orders.FundedOrgAsync(1_000_00);
        var lines = Enumerable.Range(0, count).Select(i => new
        {
            recipientName = $"R{i}", email = $"r{i}@example.com", channel = "email",
            amount = new { amount = 25_00, currency = "USD" },
        });
        using var placed = await Orders.Buyer(org).PostJsonAsync("/api/orders",
            new { externalRef = "po-1", marketplace = "US", senderName = "HR", lines }, Api.NewId("o"));
        Assert.Equal(202, (int)placed.StatusCode);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        await Orders.DeliverChunksAsync();
        var links = Orders.App.Services.GetRequiredService<LinkTokens>();
        var tokens = new string[count];
        for (var i = 0; i < count; i++) tokens[i] = links.Open(await LineAsync(orderId, i));
        return (org, orderId, tokens);
    }

    private async Task<GiftLine> LineAsync(string orderId, int index) =>
        (await Orders.App.Services.GetRequiredService<IOrderStore>()
            .ReadLineAsync(orderId, index, CancellationToken.None))!.Line;

    private static Task<HttpResponseMessage> RedeemLinkAsync(
        HttpClient customer, string linkToken, string? idempotencyKey = null) =>
        customer.PostJsonAsync("/api/redemptions", new { linkToken }, idempotencyKey);

    private async Task<string> AllDocumentsAsync()
    {
        var containers = cosmos.Containers();
        var all = new List<string>();
        foreach (var container in new[]
            {
                containers.Cards, containers.OrderLines, containers.Orders, containers.Ledger, containers.Throttles,
                containers.Idempotency, containers.Expiries,
            })
        {
            using var feed = container.GetItemQueryIterator<JsonElement>((string?)null);
            while (feed.HasMoreResults)
                all.AddRange((await feed.ReadNextAsync()).Select(d => d.GetRawText()));
        }
        // The idempotency records keep replayable responses as base64: decode them too.
        var decoded = all.Select(d => JsonDocument.Parse(d).RootElement)
            .Where(d => d.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String)
            .Select(d => System.Text.Encoding.UTF8.GetString(d.GetProperty("body").GetBytesFromBase64()));
        return string.Join('\n', all.Concat(decoded));
    }
}
