using Gifting.Core.Balances;

namespace Gifting.Core.Redemptions;

public sealed record RedeemCommand(AccountId Account, Marketplace TokenMarketplace, string? ClientAddress, string Code);

public sealed record Redemption(string RedemptionId, string Last4, Money Value, Balance Balance);
