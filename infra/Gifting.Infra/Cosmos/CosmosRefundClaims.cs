using System.Security.Cryptography;
using System.Text;
using Gifting.Core;
using Gifting.Core.Refunds;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// One create-only document per refund id, <c>refund-&lt;SHA-256 of the id&gt;</c>, in its own partition of the
/// <c>ledger</c> container: keyed by the refund id alone, so the first account to claim it keeps it, and kept as long
/// as the ledger entries whose once-only it extends across accounts. The hash keeps any refund id a valid Cosmos id.
/// </summary>
public sealed class CosmosRefundClaims(GiftingContainers containers) : IRefundClaims
{
    private Container Ledger => containers.Ledger;

    public async Task<AccountId> ClaimAsync(string refundId, AccountId account, CancellationToken cancellationToken)
    {
        var id = "refund-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refundId)));
        try
        {
            await Ledger.CreateItemAsync(new ClaimDocument(id, id, id, refundId, account.Value), new PartitionKey(id),
                cancellationToken: cancellationToken);
            return account;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            var (claim, _) = await Ledger.ReadOrNullAsync<ClaimDocument>(id, id, cancellationToken);
            // A claim is never deleted, so a conflict means it is there to read.
            return AccountId.Parse(claim?.AccountId ?? throw new InvalidOperationException("A refund claim vanished."));
        }
    }

    internal sealed record ClaimDocument(string Id, string Pk, string OpKey, string RefundId, string AccountId)
    {
        public string DocType { get; init; } = "refund-claim";
    }
}
