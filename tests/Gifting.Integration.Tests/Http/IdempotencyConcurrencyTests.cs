using Gifting.Core.Cards;
using Gifting.Core.Idempotency;

namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class IdempotencyConcurrencyTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task SameKeyWhileFirstRequestRuns_Answers409ThenReplays()
    {
        var gate = new GatedCardStore();
        using var app = new GiftingFactory(cosmos, services => services.Decorate<ICardStore>(gate.Wrap));
        var issuer = app.ClientFor("issuer-1", "issuer");
        var body = new { count = 1, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };
        var key = Api.NewId("issue");

        var first = issuer.PostJsonAsync("/api/cards", body, key);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var second = await issuer.PostJsonAsync("/api/cards", body, key);
        gate.Release.SetResult();
        using var firstResponse = await first;
        using var third = await issuer.PostJsonAsync("/api/cards", body, key);

        await second.AssertProblemAsync(409, "idempotency_key_in_use");
        Assert.Equal(201, (int)firstResponse.StatusCode);
        Assert.Equal(201, (int)third.StatusCode);
        Assert.Equal("true", Assert.Single(third.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task AbandonedRecord_CanBeTakenOverOnlyOnceItsLockRanOut()
    {
        using var app = new GiftingFactory(cosmos);
        var store = app.Services.GetRequiredService<IIdempotencyStore>();
        var key = Api.NewId("record");

        Assert.Null(await store.TryBeginAsync(key, "fp", DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None));
        var existing = await store.TryBeginAsync(key, "fp", DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None);
        Assert.NotNull(existing);
        Assert.False(existing.Completed);

        Assert.True(await store.TryTakeOverAsync(existing, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));
        Assert.False(await store.TryTakeOverAsync(existing, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None));
    }

    /// <summary>Holds the first card write until the test lets it go, to keep a request in flight.</summary>
    private sealed class GatedCardStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ICardStore Wrap(ICardStore inner) => new Gated(inner, this);

        private sealed class Gated(ICardStore inner, GatedCardStore gate) : ICardStore
        {
            public async Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken)
            {
                gate.Entered.TrySetResult();
                await gate.Release.Task;
                return await inner.TryCreateAsync(card, cancellationToken);
            }

            public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) => inner.FindBySerialAsync(serial, cancellationToken);

            public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
                inner.FindByCodeHashAsync(codeHashes, cancellationToken);

            public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) => inner.TryReplaceAsync(card, etag, cancellationToken);
        }
    }
}
