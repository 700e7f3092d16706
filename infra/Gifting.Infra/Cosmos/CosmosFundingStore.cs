using Gifting.Core;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The orgs' funding ledgers: <see cref="CosmosLedgerStore"/> and <see cref="CosmosAccounts"/> over the
/// <c>funding</c> container, partitioned by org. Nothing that reads or writes a shopper's ledger can reach this
/// container, so an org's funding and a shopper whose <c>sub</c> spells the org's id never share a partition.
/// </summary>
public sealed class CosmosFundingStore(GiftingContainers containers, ILogger<CosmosAccounts> logger)
    : IFundingLedgerStore
{
    private readonly CosmosLedgerStore _ledger =
        new(containers.Funding, new CosmosAccounts(containers.Funding, logger));

    public Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken) =>
        _ledger.ReadAccountAsync(account, cancellationToken);

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        _ledger.TryAppendAsync(entry, cancellationToken);

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        _ledger.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        _ledger.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        _ledger.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
