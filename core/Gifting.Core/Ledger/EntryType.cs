namespace Gifting.Core.Ledger;

/// <summary>
/// What an entry did. A shopper's ledger holds the first five and the last three: <see cref="Reload"/> (gift value
/// paid for), <see cref="Adjustment"/> (an operator's credit or debit) and <see cref="Reversal"/> (one entry undone).
/// An org's funding ledger holds <see cref="Funding"/> (money added), <see cref="Order"/> (an order's whole total
/// reserved) and <see cref="OrderRelease"/> (one order line's value given back).
/// </summary>
public enum EntryType
{
    Redemption, Debit, Refund, PromoGrant, PromoExpiry, Funding, Order, OrderRelease, Reload, Adjustment, Reversal,
}
