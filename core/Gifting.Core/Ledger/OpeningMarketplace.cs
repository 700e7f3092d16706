namespace Gifting.Core.Ledger;

/// <summary>
/// The marketplace a credit is posted in: the account's own, or for an account without a balance yet the one the
/// caller names (or the only one that uses the currency); the amount must be in its currency.
/// </summary>
internal static class OpeningMarketplace
{
    public static Result<Marketplace> For(AccountState account, Money amount, Marketplace? opening)
    {
        if ((account.Latest?.Marketplace ?? opening) is not { } marketplace)
            return new Failure(ErrorCode.ValidationFailed,
                $"This account has no balance yet: name the marketplace its {amount.Currency} balance is for.");
        if (amount.Currency != marketplace.Currency)
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {marketplace.Currency}.");
        return marketplace;
    }
}
