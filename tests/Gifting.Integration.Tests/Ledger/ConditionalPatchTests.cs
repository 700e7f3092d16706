using Gifting.Core;
using Gifting.Core.Ledger;
using Gifting.Infra.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gifting.Integration.Tests.Ledger;

/// <summary>
/// Every account document has the id <c>account</c>, one per partition. A patch conditional on the sequence number
/// of one account must be judged on that account alone, never on another account that happens to be at that number.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ConditionalPatchTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task EntryApplied_WhenAnotherAccountIsAtTheSequenceItExpects_LeavesThisAccountAlone()
    {
        var containers = cosmos.Containers();
        var store = new CosmosLedgerStore(containers,
            new CosmosAccounts(containers, NullLogger<CosmosAccounts>.Instance));
        var ahead = AccountId.Parse(Api.NewId("shopper"));
        var behind = AccountId.Parse(Api.NewId("shopper"));
        for (var seq = 1; seq <= 2; seq++) Assert.True(await store.TryAppendAsync(Entry(ahead, seq), default));
        Assert.True(await store.TryAppendAsync(Entry(behind, 1), default));

        // Entry 3 of the account at 1 expects the account at 2, where only the other account is.
        await store.TryAppendAsync(Entry(behind, 3), default);

        Assert.Equal(1, (await store.ReadAccountAsync(behind, default)).Seq);
        Assert.Equal(2, (await store.ReadAccountAsync(ahead, default)).Seq);
    }

    private static LedgerEntry Entry(AccountId account, long seq) => new(account, seq, $"op-{seq}",
        EntryType.Redemption, new Gifting.Core.Money(100, "USD"), BalanceState.Empty with { Gift = 100 * seq },
        Marketplace.Parse("US"), DateTimeOffset.UtcNow, $"card:{seq}", null, null);
}
