using System.Text.Json.Serialization;
using Gifting.Core;
using Gifting.Core.Ledger;

namespace Gifting.Functions.Responses;

public sealed record BalanceAfter(Money Gift, Money Promotional);

/// <summary>
/// One line of a shopper's activity: a ledger entry in the contract's words. A refund that could not give back
/// promotional value, because its lot had expired, says how much in <see cref="Forfeited"/>.
/// </summary>
public sealed record ActivityItem(
    string Id, string Type, Money Amount, BalanceAfter BalanceAfter, DateTimeOffset OccurredAt, string Reference,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Money? Forfeited = null)
{
    public static ActivityItem Of(LedgerEntry entry)
    {
        var currency = entry.Amount.Currency;
        var after = new BalanceAfter(
            new Money(entry.After.Gift, currency), new Money(entry.After.Promotional, currency));
        var forfeited = entry.Allocation?.ForfeitedAmount is > 0 and var f ? new Money(f, currency) : (Money?)null;
        return new ActivityItem($"ent_{entry.Seq}", TypeName(entry.Type), entry.Amount, after, entry.OccurredAt,
            entry.Reference, forfeited);
    }

    public static string TypeName(EntryType type) => type switch
    {
        EntryType.Redemption => "redemption",
        EntryType.Debit => "debit",
        EntryType.Refund => "refund",
        EntryType.PromoGrant => "promo_grant",
        EntryType.PromoExpiry => "promo_expiry",
        EntryType.Funding => "funding",
        EntryType.Order => "order",
        EntryType.OrderRelease => "order_release",
        EntryType.Reload => "reload",
        EntryType.Adjustment => "adjustment",
        EntryType.Reversal => "reversal",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
