using Gifting.Core;

namespace Gifting.Functions.Responses;

/// <summary>201 to a promotional grant, also for a repeated <c>grantId</c>: the first grant.</summary>
public sealed record GrantResponse(string GrantId, Money Amount, DateTimeOffset ExpiresAt, BalanceResponse Balance);
