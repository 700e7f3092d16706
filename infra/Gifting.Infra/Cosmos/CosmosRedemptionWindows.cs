using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Gifting.Core;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// One document per account in <c>throttles</c>, keyed by a hash of the account as the throttles' counters are, listing
/// the cards counted in the last 24 hours. It is read and replaced with its ETag, and lives a day past its last write.
/// </summary>
public sealed class CosmosRedemptionWindows(GiftingContainers containers) : IRedemptionWindows
{
    private static readonly int Ttl = (int)TimeSpan.FromHours(25).TotalSeconds;

    private Container Throttles => containers.Throttles;

    public async Task<RedemptionWindow> ReadAsync(AccountId account, CancellationToken cancellationToken)
    {
        var key = Key(account);
        var (document, etag) = await Throttles.ReadOrNullAsync<WindowDocument>(key, key, cancellationToken);
        return document is null
            ? RedemptionWindow.Empty
            : new RedemptionWindow([.. document.Cards.Select(c => c.ToCard())], etag);
    }

    public async Task<bool> TryWriteAsync(
        AccountId account, ImmutableArray<CountedCard> cards, string? etag, CancellationToken cancellationToken)
    {
        var key = Key(account);
        var document = new WindowDocument(key, key, [.. cards.Select(CountedDocument.From)], Ttl);
        try
        {
            if (etag is null)
                await Throttles.CreateItemAsync(document, new PartitionKey(key), cancellationToken: cancellationToken);
            else
                await Throttles.ReplaceItemAsync(document, key, new PartitionKey(key),
                    new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict() || e.IsStale() || e.IsNotFound())
        {
            return false; // Written meanwhile (or expired since the read): read again.
        }
    }

    private static string Key(AccountId account)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(account.Value));
        return $"velocity-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    internal sealed record CountedDocument(string CardId, long Amount, string Currency, DateTimeOffset At)
    {
        public static CountedDocument From(CountedCard c) => new(c.CardId, c.Amount, c.Currency, c.At);

        public CountedCard ToCard() => new(CardId, Amount, Currency, At);
    }

    internal sealed record WindowDocument(string Id, string Pk, IReadOnlyList<CountedDocument> Cards, int Ttl);
}
