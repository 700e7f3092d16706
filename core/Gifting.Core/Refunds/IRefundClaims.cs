namespace Gifting.Core.Refunds;

/// <summary>
/// Which account a refund id belongs to, across all accounts: the ledger's operation keys are unique only inside one
/// account, so without this the same refund sent with two account ids would credit both.
/// </summary>
public interface IRefundClaims
{
    /// <summary>
    /// Claims <paramref name="refundId"/> for <paramref name="account"/> unless it is claimed already, and answers the
    /// account that holds it: this one, or the one that claimed it first. A claim is never moved or removed.
    /// </summary>
    Task<AccountId> ClaimAsync(string refundId, AccountId account, CancellationToken cancellationToken);
}
