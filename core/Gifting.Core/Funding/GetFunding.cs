namespace Gifting.Core.Funding;

public sealed class GetFunding(FundingLedger ledger)
{
    /// <summary>
    /// What the org may spend, in its funding's currency; an org never funded has nothing, shown in the currency of
    /// the caller's marketplace, as an account without entries shows its balance.
    /// </summary>
    public async Task<FundingBalance> ExecuteAsync(
        OrgId org, Marketplace tokenMarketplace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenMarketplace);
        var state = await ledger.ReadAsync(org, cancellationToken);
        return state.Latest is { } latest
            ? new FundingBalance(org, new Money(latest.After.Gift, latest.Amount.Currency))
            : new FundingBalance(org, new Money(0, tokenMarketplace.Currency));
    }
}
