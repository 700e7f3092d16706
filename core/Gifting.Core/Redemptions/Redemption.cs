using Gifting.Core.Balances;

namespace Gifting.Core.Redemptions;

/// <summary>
/// A redemption of a typed <see cref="Code"/> or, when <see cref="LinkToken"/> is given, of a one-click link's token.
/// </summary>
public sealed record RedeemCommand(
    AccountId Account, Marketplace TokenMarketplace, string? ClientAddress, string? Code, string? LinkToken = null);

/// <summary>
/// A redemption: credited (with the balance after it), or held for review (<see cref="Balance"/> is null).
/// </summary>
public sealed record Redemption(string RedemptionId, string Last4, Money Value, Balance? Balance)
{
    public bool PendingReview => Balance is null;
}
