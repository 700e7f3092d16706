using System.Net;
using Gifting.Core;
using Gifting.Core.Ledger;
using Gifting.Testing;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// Cosmos DB still refusing the first append after the SDK's own retries (429 Too Many Requests, 503 Service
/// Unavailable), which the emulator never does on demand. Later appends pass.
/// </summary>
public sealed class ThrottledLedgerStore(ILedgerStore inner, HttpStatusCode status) : DelegatingLedgerStore(inner)
{
    private int _throttled;

    public override Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _throttled, 1) == 0
            ? throw new CosmosException("Request rate is large.", status, 0, Guid.NewGuid().ToString(), 1.0)
            : base.TryAppendAsync(entry, cancellationToken);
}
