using System.Text.Json;
using Gifting.Core.Links;
using Gifting.Core.Orders;

namespace Gifting.Integration.Tests.Orders;

/// <summary>
/// <c>POST /api/link-previews</c> against the database: it shows a link's gift and changes nothing, says when the
/// link is used or expired, counts unknown tokens against the redemption limits, and no token reaches a log, even
/// from <c>GET /redeem?t=</c> with every framework log line on.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LinkPreviewTests(CosmosFixture cosmos) : IDisposable
{
    private readonly ShiftedClock _clock = new();
    private OrderApp? _orders;

    private OrderApp Orders => _orders ??= new OrderApp(cosmos,
        new Dictionary<string, string> { ["Links:Lifetime"] = "01:00:00" },
        services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _orders?.Dispose();

    [Fact]
    public async Task Preview_ShowsSenderMessageAmountAndLast4_AndRedeemsNothing_HoweverOften()
    {
        var (orderId, token) = await IssueAsync();
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");

        using var first = await PreviewAsync(alice, token);
        using var second = await PreviewAsync(alice, token);

        var gift = await first.JsonAsync();
        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("available", gift.GetProperty("state").GetString());
        Assert.Equal("People Team", gift.GetProperty("senderName").GetString());
        Assert.Equal("Happy birthday", gift.GetProperty("message").GetString());
        Assert.Equal(25_00, gift.GetProperty("amount").GetProperty("amount").GetInt64());
        var line = await LineAsync(orderId);
        Assert.Equal(line.Last4, gift.GetProperty("last4").GetString());
        Assert.False(gift.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(0, await alice.GiftBalanceAsync());
        Assert.NotEqual(LineStatus.Redeemed, line.Status);
        Assert.Null(line.RedeemedAt);
        using var redeemed = await alice.PostJsonAsync("/api/redemptions", new { linkToken = token });
        Assert.Equal(200, (int)redeemed.StatusCode);
        Assert.Equal(25_00, await alice.GiftBalanceAsync());
    }

    [Fact]
    public async Task Preview_OfAUsedLink_SaysRedeemed_WithTheDateOnlyToTheRedeemer()
    {
        var (_, token) = await IssueAsync();
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");
        var bob = Orders.App.ClientFor(Api.NewId("bob"), "customer");
        Assert.Equal(200, (int)(await alice.PostJsonAsync("/api/redemptions", new { linkToken = token })).StatusCode);

        var mine = await (await PreviewAsync(alice, token)).JsonAsync();
        var theirs = await (await PreviewAsync(bob, token)).JsonAsync();

        Assert.Equal("redeemed", mine.GetProperty("state").GetString());
        Assert.True(mine.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(JsonValueKind.String, mine.GetProperty("redeemedAt").ValueKind);
        Assert.Equal("redeemed", theirs.GetProperty("state").GetString());
        Assert.False(theirs.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("senderName").ValueKind);
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("amount").ValueKind);
    }

    [Fact]
    public async Task Preview_OfAnExpiredLink_SaysExpired_AndOfAnUnknownOne_InvalidCodeThatCountsAnAttempt()
    {
        var (_, token) = await IssueAsync();
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");
        _clock.Advance(TimeSpan.FromHours(1));

        var expired = await (await PreviewAsync(alice, token)).JsonAsync();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) answers.Add(await PreviewAsync(alice, UnknownToken()));
        using var malformed = await PreviewAsync(Orders.App.ClientFor(Api.NewId("carol"), "customer"), "short");

        Assert.Equal("expired", expired.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, expired.GetProperty("amount").ValueKind);
        foreach (var answer in answers.Take(5)) await answer.AssertProblemAsync(400, "invalid_code");
        await answers[5].AssertProblemAsync(429, "too_many_attempts");
        Assert.NotNull(answers[5].Headers.RetryAfter);
        await malformed.AssertProblemAsync(400, "invalid_code");
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Preview_WithoutASignedInShopper_Is401()
    {
        var (_, token) = await IssueAsync();
        using var anonymous = Orders.App.CreateClient();

        using var response = await PreviewAsync(anonymous, token);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task LinkTokens_NeverReachALog_FromThePage_ThePreviewOrTheRedemption()
    {
        var (_, token) = await IssueAsync();
        var alice = Orders.App.ClientFor(Api.NewId("alice"), "customer");

        using var page = await alice.GetAsync($"/redeem?t={token}");
        using var preview = await PreviewAsync(alice, token);
        using var redeemed = await alice.PostJsonAsync("/api/redemptions", new { linkToken = token });

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal(200, (int)preview.StatusCode);
        Assert.Equal(200, (int)redeemed.StatusCode);
        var logs = Orders.App.Logs.Lines;
        Assert.Contains(logs, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>A well-formed token that names nothing.</summary>
    private static string UnknownToken() => LinkToken.Encode(Guid.NewGuid().ToByteArray());

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, string linkToken) =>
        client.PostJsonAsync("/api/link-previews", new { linkToken });

    private async Task<(string OrderId, string Token)> IssueAsync()
    {
        var org = await Orders.FundedOrgAsync(1_000_00);
        var lines = new[]
        {
            new
            {
                recipientName = "Sam", email = "sam@example.com", channel = "email",
                amount = new { amount = 25_00, currency = "USD" }, message = "Happy birthday",
            },
        };
        using var placed = await Orders.Buyer(org).PostJsonAsync("/api/orders",
            new { externalRef = "po-1", marketplace = "US", senderName = "People Team", lines }, Api.NewId("o"));
        Assert.Equal(202, (int)placed.StatusCode);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        await Orders.DeliverChunksAsync();
        var token = Orders.App.Services.GetRequiredService<LinkTokens>().Open(await LineAsync(orderId));
        return (orderId, token);
    }

    private async Task<GiftLine> LineAsync(string orderId) =>
        (await Orders.App.Services.GetRequiredService<IOrderStore>()
            .ReadLineAsync(orderId, 0, CancellationToken.None))!.Line;
}
