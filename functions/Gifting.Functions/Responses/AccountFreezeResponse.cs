using Gifting.Core;
using Gifting.Core.Freezes;

namespace Gifting.Functions.Responses;

/// <summary>An account's freeze as its latest record set it; an account never frozen has no reason, by or at.</summary>
public sealed record AccountFreezeResponse(
    string AccountId, bool Frozen, string? Reason, string? By, DateTimeOffset? At)
{
    public static AccountFreezeResponse Of(AccountId account, FreezeState state) => state.Version == 0
        ? new(account.Value, false, null, null, null)
        : new(account.Value, state.Frozen, state.Reason, state.By, state.At);
}
