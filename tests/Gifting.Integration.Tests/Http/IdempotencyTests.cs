using System.Text.Json;
using Gifting.Core.Cards;
using Gifting.Core.Idempotency;

namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class IdempotencyTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Replay_ReturnsFirstStatusAndBody()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 900))[0]
            .GetProperty("code").GetString()!;
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("key");

        using var first = await shopper.RedeemAsync(code, key);
        using var replay = await shopper.RedeemAsync(code, key);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(first.StatusCode, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(900, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Returns422AndChangesNothing()
    {
        var codes = await _app.ClientFor("issuer-1", "issuer").IssueAsync(count: 2, amount: 100);
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("key");

        Assert.Equal(200, (int)(await shopper.RedeemAsync(codes[0].GetProperty("code").GetString()!, key)).StatusCode);
        using var mismatch = await shopper.RedeemAsync(codes[1].GetProperty("code").GetString()!, key);

        await mismatch.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(100, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task IssueReplay_ListsTheSameCardsWithoutCodes()
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var body = new
        {
            count = 2, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital"
        };
        var key = Api.NewId("issue");

        using var first = await issuer.PostJsonAsync("/api/cards", body, key);
        using var replay = await issuer.PostJsonAsync("/api/cards", body, key);

        Assert.Equal(201, (int)replay.StatusCode);
        var firstCards = (await first.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
        var replayCards = (await replay.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
        Assert.Equal(
            firstCards.Select(c => c.GetProperty("serial").GetString()),
            replayCards.Select(c => c.GetProperty("serial").GetString()));
        Assert.All(firstCards, c => Assert.True(c.TryGetProperty("code", out _)));
        Assert.All(replayCards, c => Assert.False(c.TryGetProperty("code", out _)));
    }

    [Fact]
    public async Task Issue_AfterTheRecordIsLost_IssuesNoSecondBatch()
    {
        var (first, again, created) = await IssueTwiceLosingTheRecordAsync(ThreeCards);

        Assert.Equal(201, (int)again.StatusCode);
        Assert.Equal(3, created);
        var firstCards = await CardsAsync(first);
        var againCards = await CardsAsync(again);
        Assert.Equal(Serials(firstCards), Serials(againCards));
        Assert.All(againCards, c => Assert.False(c.TryGetProperty("code", out _)));
    }

    [Fact]
    public async Task Issue_AfterTheRecordIsLost_WithAnotherBody_Returns422AndIssuesNothing()
    {
        var (_, other, created) = await IssueTwiceLosingTheRecordAsync(FiveCards);

        await other.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(3, created);
    }

    /// <summary>
    /// Issues three cards under a key, forgets the key's record, then sends <paramref name="second"/>.
    /// </summary>
    private async Task<(HttpResponseMessage First, HttpResponseMessage Second, int Created)>
        IssueTwiceLosingTheRecordAsync(object second)
    {
        var cards = new ObservedCardStore();
        using var app = new GiftingFactory(cosmos, services => services.Decorate<ICardStore>(cards.Wrap));
        var issuer = app.ClientFor("issuer-1", "issuer");
        var key = Api.NewId("issue");

        var first = await issuer.PostJsonAsync("/api/cards", ThreeCards, key);
        await IdempotencyRecords.DeleteAsync(app, "issuer-1", key);
        var again = await issuer.PostJsonAsync("/api/cards", second, key);
        return (first, again, cards.Created);
    }

    [Fact]
    public async Task Issue_RetriedAfterACrashMidBatch_CreatesOnlyTheMissingCards()
    {
        var cards = new ObservedCardStore { FailAfter = 2 };
        using var app = new GiftingFactory(cosmos, services => services.Decorate<ICardStore>(cards.Wrap));
        var issuer = app.ClientFor("issuer-1", "issuer");
        var key = Api.NewId("issue");

        using var crashed = await issuer.PostJsonAsync("/api/cards", FiveCards, key);
        cards.FailAfter = null;
        using var retry = await issuer.PostJsonAsync("/api/cards", FiveCards, key);

        await crashed.AssertProblemAsync(500, "internal_error");
        Assert.Equal(201, (int)retry.StatusCode);
        Assert.Equal(5, cards.Created);
        var listed = await CardsAsync(retry);
        Assert.Equal(5, Serials(listed).Distinct().Count());
        Assert.Equal(3, listed.Count(c => c.TryGetProperty("code", out _)));
    }

    [Fact]
    public async Task Issue_WhenCompletingTheRecordFails_AnswersTheCodesAndARetryIssuesNoMore()
    {
        var clock = new ShiftedClock();
        var cards = new ObservedCardStore();
        using var app = new GiftingFactory(cosmos, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Decorate<ICardStore>(cards.Wrap);
            services.Decorate<IIdempotencyStore>(inner => new FailingCompletion(inner));
        });
        var issuer = app.ClientFor("issuer-1", "issuer");
        var key = Api.NewId("issue");

        using var first = await issuer.PostJsonAsync("/api/cards", ThreeCards, key);
        clock.Advance(Functions.Http.Idempotency.Lease + TimeSpan.FromSeconds(1));
        using var retry = await issuer.PostJsonAsync("/api/cards", ThreeCards, key);

        Assert.Equal(201, (int)first.StatusCode);
        var firstCards = await CardsAsync(first);
        Assert.All(firstCards, c => Assert.True(c.TryGetProperty("code", out _)));
        Assert.Equal(201, (int)retry.StatusCode);
        Assert.Equal(Serials(firstCards), Serials(await CardsAsync(retry)));
        Assert.Equal(3, cards.Created);
    }

    [Fact]
    public async Task Key_IsRequiredWhereTheContractSaysAndBounded()
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var body = new
        {
            count = 1, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital"
        };

        await (await issuer.PostJsonAsync("/api/cards", body)).AssertProblemAsync(400, "idempotency_key_required");
        await (await issuer.PostJsonAsync("/api/cards", body, new string('k', 256)))
            .AssertProblemAsync(400, "invalid_idempotency_key");
    }

    private static readonly object ThreeCards =
        new { count = 3, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };

    private static readonly object FiveCards =
        new { count = 5, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };

    private static async Task<JsonElement[]> CardsAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();

    private static string?[] Serials(IEnumerable<JsonElement> cards) =>
        cards.Select(c => c.GetProperty("serial").GetString()).ToArray();

    /// <summary>Every completion fails, as a Cosmos DB that stays unavailable after the SDK's own retries.</summary>
    private sealed class FailingCompletion(IIdempotencyStore inner) : IIdempotencyStore
    {
        public Task<IdempotencyBegin> TryBeginAsync(
            string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
            inner.TryBeginAsync(key, fingerprint, lockedUntil, cancellationToken);

        public Task<IdempotencyLease?> TryTakeOverAsync(
            IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
            inner.TryTakeOverAsync(abandoned, lockedUntil, cancellationToken);

        public Task<bool> CompleteAsync(
            IdempotencyLease lease, string fingerprint, int status, string? contentType, byte[] body,
            CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Simulated failure to complete the record.");

        public Task<bool> ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(lease, cancellationToken);
    }
}
