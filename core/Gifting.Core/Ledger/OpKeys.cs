namespace Gifting.Core.Ledger;

/// <summary>
/// Every operation key in one place. An operation key names what caused a ledger entry, and the <c>ledger</c>
/// container's unique key on <c>/opKey</c> makes a second posting of the same operation in an account a conflict:
/// that unique key is the whole of exactly-once. Two operations must never share a key, so each kind has its own
/// prefix, and every other document in the container carries an <c>opKey</c> that no operation can produce.
/// </summary>
public static class OpKeys
{
    /// <summary>A card is credited once, whoever completes its redemption.</summary>
    public static string Redemption(string cardId) => $"redemption:{cardId}";

    /// <summary>A debit is named by a hash of its caller and its idempotency key.</summary>
    public static string Debit(string debitKey) => $"debit:{debitKey}";

    public static string Refund(string refundId) => $"refund:{refundId}";

    public static string PromoGrant(string grantId) => $"promo-grant:{grantId}";

    public static string PromoExpiry(string lotId) => $"promo-expiry:{lotId}";

    /// <summary>An org's funding is named by a hash of the admin and the idempotency key, as a debit is.</summary>
    public static string Funding(string fundingKey) => $"funding:{fundingKey}";

    /// <summary>An order reserves its total from its org's funding once.</summary>
    public static string OrderReservation(string orderId) => $"order:{orderId}";

    /// <summary>
    /// A line gives its value back once. The order id's length goes first, so no order and line pair can spell
    /// another's key whatever characters the ids hold.
    /// </summary>
    public static string OrderRelease(string orderId, string lineId) =>
        $"order-release:{orderId.Length}:{orderId}:{lineId}";

    /// <summary>A reload is posted once per payment the order system confirmed.</summary>
    public static string Reload(string paymentId) => $"reload:{paymentId}";

    public static string Adjustment(string adjustmentId) => $"adjustment:{adjustmentId}";

    /// <summary>An entry is reversed at most once: the reversal is named by the entry it undoes.</summary>
    public static string Reversal(long seq) => $"reversal:{seq}";
}
