namespace Gifting.Core.Ledger;

/// <summary>
/// What an entry did. A shopper's ledger holds the first five; an org's funding ledger holds <see cref="Funding"/>
/// (money added), <see cref="Order"/> (an order's whole total reserved) and <see cref="OrderRelease"/> (one order
/// line's value given back).
/// </summary>
public enum EntryType { Redemption, Debit, Refund, PromoGrant, PromoExpiry, Funding, Order, OrderRelease }
