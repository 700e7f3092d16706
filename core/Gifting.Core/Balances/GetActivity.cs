using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed record BalanceAfter(Money Gift, Money Promotional);

public sealed record ActivityEntry(string Id, string Type, Money Amount, BalanceAfter BalanceAfter, DateTimeOffset OccurredAt, string Reference)
{
    public static ActivityEntry Of(LedgerEntry entry) => new(
        $"ent_{entry.Seq}",
        TypeName(entry.Type),
        entry.Amount,
        new BalanceAfter(new Money(entry.After.Gift, entry.Amount.Currency), new Money(entry.After.Promotional, entry.Amount.Currency)),
        entry.OccurredAt,
        entry.Reference);

    public static string TypeName(EntryType type) => type switch
    {
        EntryType.Redemption => "redemption",
        EntryType.Debit => "debit",
        EntryType.Refund => "refund",
        EntryType.PromoGrant => "promo_grant",
        EntryType.PromoExpiry => "promo_expiry",
        EntryType.Reload => "reload",
        EntryType.Adjustment => "adjustment",
        EntryType.Reversal => "reversal",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

/// <summary>A page of activity, newest first; <see cref="NextBefore"/> is where the next page starts, if any.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Items, long? NextBefore);

public sealed class GetActivity(AccountLedger ledger, ILedgerStore store)
{
    public async Task<ActivityPage> ExecuteAsync(AccountId account, long? before, int limit, CancellationToken cancellationToken)
    {
        var from = before is { } b ? b - 1 : (await ledger.LatestAsync(account, cancellationToken))?.Seq ?? 0;
        if (from < 1) return new ActivityPage([], null);
        var entries = await store.ReadDescendingAsync(account, from, limit, cancellationToken);
        var last = entries.Count == 0 ? 1 : entries[^1].Seq;
        return new ActivityPage(entries.Select(ActivityEntry.Of).ToList(), last > 1 ? last : null);
    }
}
