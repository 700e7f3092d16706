using System.Globalization;
using Gifting.Core;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>Held redemptions live in the claimant's ledger partition, one document per card.</summary>
public sealed class CosmosHoldStore(GiftingContainers containers) : IHoldStore
{
    private Container Ledger => containers.Ledger;

    public Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken) =>
        Ledger.UpsertItemAsync(
            HoldDocument.From(account, hold), new PartitionKey(account.Value), cancellationToken: cancellationToken);

    public async Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken)
    {
        try
        {
            await Ledger.DeleteItemAsync<HoldDocument>(
                HoldDocument.IdFor(cardId), new PartitionKey(account.Value), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Already gone.
        }
    }

    public async Task<IReadOnlyList<Hold>> ListAsync(AccountId account, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'hold'")
            .WithParameter("@pk", account.Value);
        var found = await Ledger.QueryPartitionAsync<HoldDocument>(query, account.Value, cancellationToken);
        return found.Select(h => new Hold(h.CardId, h.Serial, h.RedemptionId, h.Amount)).ToList();
    }

    /// <summary>
    /// A document in the <c>ledger</c> container, in the claimant's partition: its <c>opKey</c>
    /// (its id, <c>hold-&lt;cardId&gt;</c>) satisfies the container's unique key and no operation in
    /// <see cref="Core.Ledger.OpKeys"/> produces it.
    /// </summary>
    internal sealed record HoldDocument(
        string Id, string Pk, string OpKey, string CardId, string Serial, string RedemptionId, Money Amount)
    {
        public string DocType { get; init; } = "hold";

        public static string IdFor(string cardId) => string.Create(CultureInfo.InvariantCulture, $"hold-{cardId}");

        public static HoldDocument From(AccountId account, Hold hold) =>
            new(IdFor(hold.CardId), account.Value, IdFor(hold.CardId), hold.CardId, hold.Serial, hold.RedemptionId,
                hold.Amount);
    }
}
