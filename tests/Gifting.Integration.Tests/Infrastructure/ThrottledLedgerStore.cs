using System.Net;
using Gifting.Core;
using Gifting.Core.Ledger;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// Cosmos DB still refusing the first append after the SDK's own retries (429 Too Many Requests, 503 Service
/// Unavailable), which the emulator never does on demand. Later appends pass.
/// </summary>
public sealed class ThrottledLedgerStore(ILedgerStore inner, HttpStatusCode status) : ILedgerStore
{
    private int _throttled;

    public Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken) =>
        inner.ReadLatestAsync(account, cancellationToken);

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _throttled, 1) == 0
            ? throw new CosmosException("Request rate is large.", status, 0, Guid.NewGuid().ToString(), 1.0)
            : inner.TryAppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
