using Gifting.Core.Balances;

namespace Gifting.Core.Redemptions;

public sealed record RedeemCommand(AccountId Account, Marketplace TokenMarketplace, string? ClientAddress, string Code);

/// <summary>
/// A redemption: credited (with the balance after it), or held for review (<see cref="Balance"/> is null).
/// </summary>
public sealed record Redemption(string RedemptionId, string Last4, Money Value, Balance? Balance)
{
    public bool PendingReview => Balance is null;
}
