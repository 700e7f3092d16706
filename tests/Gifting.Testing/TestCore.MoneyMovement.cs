using Gifting.Core;
using Gifting.Core.Debits;
using Gifting.Core.Promotions;
using Gifting.Core.Refunds;

namespace Gifting.Testing;

/// <summary>
/// Debits, refunds and promotional credit, with shorthands that fill in what a test does not care about.
/// </summary>
public sealed partial class TestCore
{
    public InMemoryExpiryIndex ExpiryIndex { get; }
    public InMemoryRefundClaims RefundClaims { get; }
    public DebitAccount DebitAccount => Get<DebitAccount>();
    public CreditRefund CreditRefund => Get<CreditRefund>();
    public GrantPromotionalCredit GrantPromotionalCredit => Get<GrantPromotionalCredit>();
    public ExpirePromotionalCredits ExpirePromotionalCredits => Get<ExpirePromotionalCredits>();

    /// <summary>
    /// Gives the account <paramref name="amount"/> of gift balance by issuing a card and redeeming it.
    /// </summary>
    public async Task FundAsync(AccountId account, long amount, string marketplace = "US")
    {
        var issued = await IssueOneAsync(amount, marketplace);
        var redeemed = await RedeemAsync(account, issued.Code.Display, marketplace);
        if (!redeemed.Succeeded) throw new InvalidOperationException($"Funding failed: {redeemed.Failure}");
    }

    public Task<Result<DebitResult>> DebitAsync(
        AccountId account, long amount, string debitKey, bool allowPartial = false, DebitKind kind = DebitKind.Order,
        string currency = "USD", string orderId = "order-1") =>
        DebitAccount.ExecuteAsync(
            new DebitCommand(account, orderId, new Money(amount, currency), allowPartial, kind, debitKey),
            CancellationToken.None);

    public Task<Result<RefundResult>> RefundAsync(
        string refundId, AccountId account, long amount, string currency = "USD", string orderId = "order-1",
        RefundOrigin origin = RefundOrigin.Balance) =>
        CreditRefund.ExecuteAsync(
            new RefundCommand(refundId, account, orderId, new Money(amount, currency), null, origin),
            CancellationToken.None);

    public Task<Result<GrantResult>> GrantAsync(
        AccountId account, string grantId, long amount, TimeSpan expiresIn, string marketplace = "US",
        string? currency = null)
    {
        var market = Marketplace.Parse(marketplace);
        var command = new GrantCommand(
            account, grantId, new Money(amount, currency ?? market.Currency), Clock.GetUtcNow() + expiresIn,
            "test promotion", market);
        return GrantPromotionalCredit.ExecuteAsync(command, CancellationToken.None);
    }

    /// <summary>Runs the expiry timer at the clock's current time.</summary>
    public Task<ExpirySummary> ExpireAsync() =>
        ExpirePromotionalCredits.ExecuteAsync(Clock.GetUtcNow(), CancellationToken.None);
}
