namespace Gifting.Core.Ledger;

public enum EntryType { Redemption, Debit, Refund, PromoGrant, PromoExpiry }
