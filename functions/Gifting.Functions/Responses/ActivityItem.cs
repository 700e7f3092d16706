using Gifting.Core;
using Gifting.Core.Ledger;

namespace Gifting.Functions.Responses;

public sealed record BalanceAfter(Money Gift, Money Promotional);

/// <summary>One line of a shopper's activity: a ledger entry in the contract's words.</summary>
public sealed record ActivityItem(
    string Id, string Type, Money Amount, BalanceAfter BalanceAfter, DateTimeOffset OccurredAt, string Reference)
{
    public static ActivityItem Of(LedgerEntry entry)
    {
        var currency = entry.Amount.Currency;
        var after = new BalanceAfter(new Money(entry.After.Gift, currency), new Money(entry.After.Promotional, currency));
        return new ActivityItem($"ent_{entry.Seq}", TypeName(entry.Type), entry.Amount, after, entry.OccurredAt,
            entry.Reference);
    }

    public static string TypeName(EntryType type) => type switch
    {
        EntryType.Redemption => "redemption",
        EntryType.Debit => "debit",
        EntryType.Refund => "refund",
        EntryType.PromoGrant => "promo_grant",
        EntryType.PromoExpiry => "promo_expiry",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
