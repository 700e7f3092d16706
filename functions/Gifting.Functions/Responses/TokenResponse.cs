namespace Gifting.Functions.Responses;

/// <summary>A token the local app accepts, from <c>POST /api/dev/tokens</c>.</summary>
public sealed record TokenResponse(string Token);
