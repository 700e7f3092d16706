namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// The only writes the design documents for input that is refused; every other write during a refused case is a
/// violation. Each names the section of docs/design.md that documents it.
/// </summary>
public static class AllowedWrites
{
    /// <summary>
    /// docs/design.md section 6 (Idempotency): a request with an <c>Idempotency-Key</c> of 1-255 characters creates
    /// its record before it runs, and a finished answer below 500 other than 429 is stored for replays (a 429 or a
    /// 5xx deletes it again).
    /// </summary>
    public const string IdempotencyRecord = "idempotency record (design section 6)";

    /// <summary>
    /// docs/design.md sections 22 and 24 (and 3, Throttles): a code or link token that names nothing is
    /// <c>invalid_code</c> and costs one attempt under the redemption throttle, counted by a patch in
    /// <c>throttles</c>.
    /// </summary>
    public const string FailedAttempt = "failed-attempt counter (design sections 22, 24)";

    /// <summary>
    /// docs/design.md section 10 (The trigger layer) and 26 (Rejected messages): a message that can never succeed is
    /// recorded in <c>rejections</c> with its reason and completed.
    /// </summary>
    public const string RejectedMessage = "rejected-message record (design sections 10, 26)";

    /// <summary>Why a write made while refusing an HTTP request is allowed, or null when it is not.</summary>
    public static string? ForRequest(CosmosOperation write, string path, bool keySent, string? code) =>
        write.Container switch
        {
            "idempotency" when keySent => IdempotencyRecord,
            "throttles" when path is "/api/redemptions" or "/api/link-previews"
                && code is "invalid_code" or "too_many_attempts" => FailedAttempt,
            _ => null,
        };

    /// <summary>Why a write made while rejecting a queue message is allowed, or null when it is not.</summary>
    public static string? ForMessage(CosmosOperation write) =>
        write.Container == "rejections" && write.Kind is CosmosOperationKind.Upsert or CosmosOperationKind.Create
            or CosmosOperationKind.Replace
            ? RejectedMessage
            : null;
}
