using System.Globalization;
using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Redemption steps by the hour they began, in the <c>expiries</c> container beside the promotional lots
/// (<c>redemptions-yyyyMMddHH</c>, see <see cref="HourlyEntries{TEntry, TDocument}"/>): a redemption pays one upsert
/// and one delete, and a sweeper run reads the hours from the watermark to now and nothing else.
/// </summary>
public sealed class CosmosUnfinishedRedemptionIndex(GiftingContainers containers) : IUnfinishedRedemptionIndex
{
    private readonly HourlyEntries<UnfinishedRedemption, EntryDocument> _entries =
        new(containers.Expiries, "redemptions-", EntryDocument.From, d => d.ToEntry(), e => e.Since);

    public Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken) =>
        _entries.AddAsync(entry, cancellationToken);

    public Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken) =>
        _entries.DueAsync(upTo, max, cancellationToken);

    public Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken) =>
        _entries.RemoveAsync(entry, cancellationToken);

    internal sealed record EntryDocument(
        string Id, string Pk, string Serial, string RedemptionId, string Account, DateTimeOffset Since, long SinceMs)
        : IHourlyDocument
    {
        public static EntryDocument From(UnfinishedRedemption e, HourlyIndex hours) => new(
            $"{e.RedemptionId}:{e.Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            hours.Bucket(e.Since), e.Serial, e.RedemptionId, e.Account.Value, e.Since,
            e.Since.ToUnixTimeMilliseconds());

        public UnfinishedRedemption ToEntry() => new(Serial, RedemptionId, AccountId.Parse(Account), Since);
    }
}
