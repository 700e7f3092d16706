using Gifting.Core;
using Gifting.Core.Links;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>One-click links: a line's token, and a redemption by it.</summary>
public sealed partial class TestCore
{
    public LinkTokens LinkTokens => Get<LinkTokens>();

    public Task<Result<Redemption>> RedeemLinkAsync(
        AccountId account, string token, string tokenMarketplace = "US", string? clientAddress = null) =>
        RedeemCode.ExecuteAsync(
            new RedeemCommand(account, Marketplace.Parse(tokenMarketplace), clientAddress, null, token),
            CancellationToken.None);
}
