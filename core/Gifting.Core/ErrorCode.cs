namespace Gifting.Core;

/// <summary>The expected ways a use case can say no. Each maps to one status and problem code at the edge.</summary>
public enum ErrorCode
{
    ValidationFailed,
    InvalidCode,
    AlreadyRedeemed,
    CardNotActivated,
    RegionMismatch,
    TooManyAttempts,
    CardNotFound,
    CardAlreadyActive,
    CardCancelled,
    InsufficientFunds,
    CurrencyMismatch,
    NotUnderReview,

    /// <summary>No order of the caller's org has this id: another org's order is not found either.</summary>
    OrderNotFound,

    /// <summary>A line's delivery was asked for again sooner than resends are spaced.</summary>
    ResendTooSoon,

    /// <summary>
    /// The idempotency key already named another request: a batch issued with other terms, a debit of another order
    /// or amount.
    /// </summary>
    IdempotencyKeyMismatch,

    /// <summary>
    /// A refund that cannot be applied (no such order, more than is left to give back, a refund id that belongs to
    /// another account). Internal: the message is recorded with its reason, and no client sees it.
    /// </summary>
    NotRefundable,

    /// <summary>
    /// An operation found nothing to post (a lot already spent or expired). Internal: it never reaches a client.
    /// </summary>
    NothingDue,

    /// <summary>A debit for gift cards: stored value cannot buy more stored value.</summary>
    GiftCardPurchaseNotAllowed,

    /// <summary>The account is frozen: its redemptions, debits and reloads are refused.</summary>
    AccountFrozen,

    /// <summary>The card is frozen: it can be neither redeemed nor activated.</summary>
    CardFrozen,

    /// <summary>The entry named has been reversed already.</summary>
    AlreadyReversed,

    /// <summary>The entry cannot be reversed: its kind is not one that can, or undoing it would overdraw.</summary>
    NotReversible,

    /// <summary>The account has no entry with this id.</summary>
    EntryNotFound,

    /// <summary>No rejected message has this id (it was never recorded, or no longer kept).</summary>
    RejectedMessageNotFound,

    /// <summary>The rejected message was already sent to its queue again.</summary>
    AlreadyReplayed,
}
