using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gifting.Core;
using Gifting.Core.Liability;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Running liability totals in the <c>liability</c> container: one partition per marketplace, and per currency and
/// day <see cref="Shards"/> documents. An event goes to the shard its mark hashes to, so concurrent postings spread
/// over the shards rather than contend on one document, and a retry of the same event finds the same shard. Each
/// count is one patch that increments the totals and sets the event's mark, filtered on the mark's absence (as an
/// order's counts are kept), so an event is counted once however often it is counted. A report reads each
/// marketplace's partition with one query (totals only, not the marks) and sums the documents.
/// </summary>
public sealed class CosmosLiabilityTotals(GiftingContainers containers) : ILiabilityTotals
{
    public const int Shards = 8;
    private const string DayFormat = "yyyyMMdd";

    private Container Totals => containers.Liability;

    public async Task CountOnceAsync(
        Marketplace marketplace, string currency, DateOnly day, string mark, LiabilityDelta delta,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marketplace);
        ArgumentNullException.ThrowIfNull(delta);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(mark));
        // 64 bits name the mark: a collision among one shard's day of events is not a practical risk.
        var key = Convert.ToHexStringLower(hash, 0, 8);
        var dayText = day.ToString(DayFormat, CultureInfo.InvariantCulture);
        var id = $"{currency}-{dayText}-{hash[8] % Shards}";
        var pk = PartitionOf(marketplace);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                var unmarked = $"FROM c WHERE NOT IS_DEFINED(c.marks[\"{key}\"])";
                await Totals.PatchItemAsync<TotalsDocument>(id, new PartitionKey(pk), Changes(key, delta),
                    new PatchItemRequestOptions { FilterPredicate = unmarked }, cancellationToken);
                return;
            }
            catch (CosmosException e) when (e.IsStale())
            {
                return; // Counted already.
            }
            catch (CosmosException e) when (e.IsNotFound())
            {
                var first = new TotalsDocument(id, pk, currency, int.Parse(dayText, CultureInfo.InvariantCulture),
                    delta.UnredeemedCards, delta.Gift, delta.Promotional, delta.PendingReview, delta.Funding,
                    delta.Breakage, new Dictionary<string, bool> { [key] = true });
                try
                {
                    await Totals.CreateItemAsync(first, new PartitionKey(pk), cancellationToken: cancellationToken);
                    return;
                }
                catch (CosmosException c) when (c.IsConflict())
                {
                    // Another event created the shard first: patch it.
                }
            }
        }
        throw new InvalidOperationException($"The liability shard {id} could not be counted into.");
    }

    public async Task<IReadOnlyList<LiabilityFigures>> ReadAsync(
        Marketplace? marketplace, DateOnly fromDay, DateOnly untilDay, CancellationToken cancellationToken)
    {
        var first = int.Parse(fromDay.ToString(DayFormat, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var end = int.Parse(untilDay.ToString(DayFormat, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var figures = new List<LiabilityFigures>();
        IEnumerable<Marketplace> asked = marketplace is null ? Marketplace.Served : [marketplace];
        foreach (var m in asked.OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            var pk = PartitionOf(m);
            var query = new QueryDefinition("SELECT c.currency, c.day, c.unredeemedCards, c.gift, c.promotional, "
                + "c.pendingReview, c.funding, c.breakage FROM c WHERE c.pk = @pk").WithParameter("@pk", pk);
            var shards = await Totals.QueryPartitionAsync<ShardTotals>(query, pk, cancellationToken);
            figures.AddRange(shards.GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LiabilityFigures(m, g.Key, g.Sum(s => s.UnredeemedCards), g.Sum(s => s.Gift),
                    g.Sum(s => s.Promotional), g.Sum(s => s.PendingReview), g.Sum(s => s.Funding),
                    g.Where(s => s.Day >= first && s.Day < end).Sum(s => s.Breakage))));
        }
        return figures;
    }

    private static List<PatchOperation> Changes(string key, LiabilityDelta delta)
    {
        var changes = new List<PatchOperation> { PatchOperation.Set($"/marks/{key}", true) };
        void Add(string path, long by)
        {
            if (by != 0) changes.Add(PatchOperation.Increment(path, by));
        }
        Add("/unredeemedCards", delta.UnredeemedCards);
        Add("/gift", delta.Gift);
        Add("/promotional", delta.Promotional);
        Add("/pendingReview", delta.PendingReview);
        Add("/funding", delta.Funding);
        Add("/breakage", delta.Breakage);
        return changes;
    }

    private static string PartitionOf(Marketplace marketplace) => "liability-" + marketplace.Code;

    internal sealed record ShardTotals(
        string Currency, int Day, long UnredeemedCards, long Gift, long Promotional, long PendingReview, long Funding,
        long Breakage);

    internal sealed record TotalsDocument(
        string Id, string Pk, string Currency, int Day, long UnredeemedCards, long Gift, long Promotional,
        long PendingReview, long Funding, long Breakage, Dictionary<string, bool> Marks);
}
