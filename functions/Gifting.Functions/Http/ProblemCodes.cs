namespace Gifting.Functions.Http;

/// <summary>Every problem <c>code</c> this API answers, as the API contract lists them.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string InvalidCode = "invalid_code";
    public const string AlreadyRedeemed = "already_redeemed";
    public const string CardNotActivated = "card_not_activated";
    public const string RegionMismatch = "region_mismatch";
    public const string TooManyAttempts = "too_many_attempts";
    public const string CardNotFound = "card_not_found";
    public const string CardAlreadyActive = "card_already_active";
    public const string CardCancelled = "card_cancelled";
    public const string InsufficientFunds = "insufficient_funds";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string NotUnderReview = "not_under_review";
    public const string OrderNotFound = "order_not_found";
    public const string ResendTooSoon = "resend_too_soon";
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";
    public const string IdempotencyKeyMismatch = "idempotency_key_mismatch";
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string ServiceBusy = "service_busy";
    public const string AlreadyReplayed = "already_replayed";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string RequestFailed = "request_failed";
    public const string InternalError = "internal_error";
    public const string GiftCardPurchaseNotAllowed = "gift_card_purchase_not_allowed";
    public const string AccountFrozen = "account_frozen";
    public const string CardFrozen = "card_frozen";
    public const string AlreadyReversed = "already_reversed";
    public const string NotReversible = "not_reversible";
}
