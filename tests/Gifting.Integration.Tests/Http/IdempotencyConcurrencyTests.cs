using Gifting.Core.Cards;
using Gifting.Core.Idempotency;
using Gifting.Functions.Http;

namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class IdempotencyConcurrencyTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task SameKeyWhileFirstRequestRuns_Answers409ThenReplays()
    {
        var gate = new ObservedCardStore { HoldFirst = true };
        using var app = new GiftingFactory(cosmos, services => services.Decorate<ICardStore>(gate.Wrap));
        var issuer = app.ClientFor("issuer-1", "issuer");
        var body = new
        {
            count = 1, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital"
        };
        var key = Api.NewId("issue");

        var first = issuer.PostJsonAsync("/api/cards", body, key);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var second = await issuer.PostJsonAsync("/api/cards", body, key);
        gate.Release.SetResult(true);
        using var firstResponse = await first;
        using var third = await issuer.PostJsonAsync("/api/cards", body, key);

        await second.AssertProblemAsync(409, "idempotency_key_in_use");
        Assert.Equal(201, (int)firstResponse.StatusCode);
        Assert.Equal(201, (int)third.StatusCode);
        Assert.Equal("true", Assert.Single(third.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task KeyInUse_Answers409WithRetryAfter_TheSecondsLeftOnTheFirstRequestsLease()
    {
        var gate = new ObservedCardStore { HoldFirst = true };
        using var app = new GiftingFactory(cosmos, services => services.Decorate<ICardStore>(gate.Wrap));
        var issuer = app.ClientFor("issuer-1", "issuer");
        var key = Api.NewId("issue");

        var first = issuer.PostJsonAsync("/api/cards", OneCard, key);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var second = await issuer.PostJsonAsync("/api/cards", OneCard, key);
        gate.Release.SetResult(true);
        using var _ = await first;

        await second.AssertProblemAsync(409, "idempotency_key_in_use");
        var wait = second.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), Idempotency.Lease);
    }

    /// <summary>
    /// A runner whose lease was taken over finishes late, by completing (its work went through) or by failing: either
    /// way the new owner's record stays as the new owner left it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunnerWhoseLeaseWasTakenOver_FinishingLate_LeavesTheNewOwnersRecord(bool lateRunSucceeds)
    {
        var (app, clock, cards) = Start();
        using var _ = app;
        var issuer = app.ClientFor("issuer-1", "issuer");
        var key = Api.NewId("issue");

        var first = issuer.PostJsonAsync("/api/cards", OneCard, key);
        await cards.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(Idempotency.Lease + TimeSpan.FromSeconds(1));
        using var second = await issuer.PostJsonAsync("/api/cards", OneCard, key);
        var owners = await IdempotencyRecords.ETagAsync(app, "issuer-1", key);
        cards.Release.SetResult(lateRunSucceeds);
        using var late = await first;

        Assert.Equal(201, (int)second.StatusCode);
        if (lateRunSucceeds) Assert.Equal(201, (int)late.StatusCode);
        else await late.AssertProblemAsync(500, "internal_error");
        Assert.NotNull(owners);
        Assert.Equal(owners, await IdempotencyRecords.ETagAsync(app, "issuer-1", key));
        using var replay = await issuer.PostJsonAsync("/api/cards", OneCard, key);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await SerialsAsync(second), await SerialsAsync(replay));
        if (!lateRunSucceeds) Assert.Equal(1, cards.Created);
    }

    [Fact]
    public async Task AbandonedRecord_CanBeTakenOverOnlyOnceItsLockRanOut()
    {
        using var app = new GiftingFactory(cosmos);
        var store = app.Services.GetRequiredService<IIdempotencyStore>();
        var key = Api.NewId("record");

        Assert.NotNull(
            (await store.TryBeginAsync(key, "fp", DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None)).Lease);
        var existing = (await store.TryBeginAsync(
            key, "fp", DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None)).Existing;
        Assert.NotNull(existing);
        Assert.False(existing.Completed);

        Assert.NotNull(
            await store.TryTakeOverAsync(existing, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));
        Assert.Null(
            await store.TryTakeOverAsync(existing, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));
    }

    private static readonly object OneCard =
        new { count = 1, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };

    /// <summary>An app whose clock the test moves and whose first card create waits for the test.</summary>
    private (GiftingFactory App, ShiftedClock Clock, ObservedCardStore Cards) Start()
    {
        var clock = new ShiftedClock();
        var cards = new ObservedCardStore { HoldFirst = true };
        var app = new GiftingFactory(cosmos, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Decorate<ICardStore>(cards.Wrap);
        });
        return (app, clock, cards);
    }

    private static async Task<string?[]> SerialsAsync(HttpResponseMessage response) =>
        (await response.JsonAsync())
            .GetProperty("cards")
            .EnumerateArray()
            .Select(c => c.GetProperty("serial").GetString())
            .ToArray();
}
