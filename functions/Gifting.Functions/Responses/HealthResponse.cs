namespace Gifting.Functions.Responses;

/// <summary>The readiness answer; <c>status</c> is always <c>ok</c>.</summary>
public sealed record HealthResponse(string Status)
{
    public static HealthResponse Ok { get; } = new("ok");
}
