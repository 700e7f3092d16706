namespace Gifting.Infra.Communication;

/// <summary>
/// An email send operation as ACS reports it. <see cref="RetryAfter"/> is present while the status is not final:
/// the least time to wait before asking again.
/// </summary>
public sealed record AcsEmailStatus(
    string OperationId, string Status, string? ErrorCode, string? ErrorMessage, TimeSpan? RetryAfter)
{
    public bool IsFinal => Status is "Succeeded" or "Failed" or "Canceled";
}
