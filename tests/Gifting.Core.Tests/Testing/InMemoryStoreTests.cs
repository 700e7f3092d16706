using Gifting.Core.Cards;
using Gifting.Testing;

namespace Gifting.Core.Tests.Testing;

/// <summary>The fakes keep the Cosmos rules the use cases rely on.</summary>
public sealed class InMemoryStoreTests
{
    [Fact]
    public async Task CardStore_RefusesATakenSerialOrCodeHash()
    {
        var core = TestCore.Create();
        var card = (await core.IssueOneAsync()).Card;

        Assert.Equal(CardCreation.SerialTaken,
            await core.Cards.TryCreateAsync(card with { CodeHash = "other" }, CancellationToken.None));
        Assert.Equal(CardCreation.CodeTaken,
            await core.Cards.TryCreateAsync(card with { Serial = "other" }, CancellationToken.None));
    }

    [Fact]
    public async Task CardStore_ReplaceAtStaleETag_ReturnsNull()
    {
        var core = TestCore.Create();
        var serial = (await core.IssueOneAsync()).Card.Serial;
        var read = (await core.Cards.FindBySerialAsync(serial, CancellationToken.None))!;

        var first = await core.Cards.TryReplaceAsync(
            read.Card with { Last4 = "AAAA" }, read.ETag, CancellationToken.None);
        var second = await core.Cards.TryReplaceAsync(
            read.Card with { Last4 = "BBBB" }, read.ETag, CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotEqual(read.ETag, first);
        Assert.Null(second);
        Assert.Equal("AAAA", (await core.CardAsync(serial)).Last4);
    }

    [Fact]
    public async Task IdempotencyStore_BeginsOnceAndTakesOverOnlyAtTheSeenVersion()
    {
        var store = new InMemoryIdempotencyStore();
        var until = DateTimeOffset.UnixEpoch;

        Assert.NotNull((await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Lease);
        var running = (await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Existing!;
        var lease = await store.TryTakeOverAsync(running, until, CancellationToken.None);
        Assert.NotNull(lease);
        Assert.Null(await store.TryTakeOverAsync(running, until, CancellationToken.None));

        Assert.True(await store.CompleteAsync(lease, "f", 200, "application/json", [1, 2], CancellationToken.None));
        var done = (await store.TryBeginAsync("k", "g", until, CancellationToken.None)).Existing!;
        Assert.Equal((true, 200, "f"), (done.Completed, done.Status, done.Fingerprint));
    }

    [Fact]
    public async Task IdempotencyStore_CompletesAndReleasesOnlyUnderTheOwnersLease()
    {
        var store = new InMemoryIdempotencyStore();
        var until = DateTimeOffset.UnixEpoch;
        var first = (await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Lease!;
        var running = (await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Existing!;
        var second = (await store.TryTakeOverAsync(running, until, CancellationToken.None))!;

        Assert.False(await store.CompleteAsync(first, "f", 201, null, [9], CancellationToken.None));
        Assert.False(await store.ReleaseAsync(first, CancellationToken.None));
        Assert.False((await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Existing!.Completed);

        Assert.True(await store.ReleaseAsync(second, CancellationToken.None));
        Assert.NotNull((await store.TryBeginAsync("k", "f", until, CancellationToken.None)).Lease);
    }
}
