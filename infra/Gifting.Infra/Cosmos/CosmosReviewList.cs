using Gifting.Core;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The holds waiting for review, one document per card in one partition of <c>expiries</c> (<c>reviews</c>), with
/// the hold's time in <c>sinceMs</c>, an indexed path. A page reads the holds from its cursor on and sorts them in
/// memory (the emulator has no ORDER BY): the list is a queue of people's work, holds are rare by design, and a hold
/// leaves it once decided, so the partition stays small.
/// </summary>
public sealed class CosmosReviewList(GiftingContainers containers) : IReviewList
{
    private const string Partition = "reviews";

    private Container Expiries => containers.Expiries;

    internal Task AddAsync(AccountId account, Hold hold, CancellationToken cancellationToken) =>
        Expiries.UpsertItemAsync(ReviewDocument.From(account, hold), new PartitionKey(Partition),
            cancellationToken: cancellationToken);

    internal async Task RemoveAsync(string cardId, CancellationToken cancellationToken)
    {
        try
        {
            await Expiries.DeleteItemAsync<ReviewDocument>(cardId, new PartitionKey(Partition),
                cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Already unlisted.
        }
    }

    public async Task<ReviewPage> ListAsync(ReviewCursor? after, int limit, CancellationToken cancellationToken)
    {
        var fromMs = after?.HeldAt.ToUnixTimeMilliseconds() ?? 0;
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.sinceMs >= @from")
            .WithParameter("@pk", Partition)
            .WithParameter("@from", fromMs);
        var found = await Expiries.QueryPartitionAsync<ReviewDocument>(query, Partition, cancellationToken);
        var ordered = found
            .Where(d => after is null || d.SinceMs > fromMs || string.CompareOrdinal(d.Id, after.CardId) > 0)
            .OrderBy(d => d.SinceMs).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(limit + 1).Select(d => d.ToReview()).ToList();
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > limit ? new ReviewCursor(page[^1].Hold.HeldAt!.Value, page[^1].Hold.CardId) : null;
        return new ReviewPage(page, next);
    }

    internal sealed record ReviewDocument(
        string Id, string Pk, string Serial, string RedemptionId, Money Amount, string Account, string? Last4,
        DateTimeOffset HeldAt, long SinceMs, string? Rule, string? Reason)
    {
        public static ReviewDocument From(AccountId account, Hold hold)
        {
            var heldAt = hold.HeldAt ?? DateTimeOffset.UnixEpoch;
            return new(hold.CardId, Partition, hold.Serial, hold.RedemptionId, hold.Amount, account.Value, hold.Last4,
                heldAt, heldAt.ToUnixTimeMilliseconds(), hold.HeldFor?.Rule, hold.HeldFor?.Reason);
        }

        public PendingReview ToReview() => new(AccountId.Parse(Account), new Hold(Id, Serial, RedemptionId, Amount,
            Last4, HeldAt, Rule is null ? null : new HoldReason(Rule, Reason ?? "")));
    }
}
