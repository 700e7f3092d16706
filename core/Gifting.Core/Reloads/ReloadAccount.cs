using System.Globalization;
using Gifting.Core.Ledger;

namespace Gifting.Core.Reloads;

/// <summary>
/// A confirmed payment tops up a shopper's gift balance. <see cref="Marketplace"/> opens the balance of an account
/// that has none yet; an account with a balance keeps its own.
/// </summary>
public sealed record ReloadCommand(AccountId Account, string PaymentId, Money Amount, Marketplace? Marketplace)
{
    public string Fingerprint() => RequestFingerprint.Of(
        string.Create(CultureInfo.InvariantCulture, $"reload\n{PaymentId}\n{Amount.Amount} {Amount.Currency}"));
}

/// <summary>
/// Credits a payment to the gift balance once per payment id, however often the order system sends it; a repeat must
/// be the same payment, or it is refused. A frozen account takes no reloads.
/// </summary>
public sealed class ReloadAccount(AccountLedger ledger)
{
    /// <summary>1,000,000.00 in a two-decimal currency: far above a real top-up, and it keeps sums bounded.</summary>
    public const long MaxAmount = 1_000_000_00;

    public async Task<Result<Posting>> ExecuteAsync(ReloadCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount is <= 0 or > MaxAmount)
            return new Failure(ErrorCode.ValidationFailed, $"A reload must be 1 to {MaxAmount} minor units.");
        var account = await ledger.ReadAsync(command.Account, cancellationToken);
        var opened = OpeningMarketplace.For(account, command.Amount, command.Marketplace);
        if (!opened.Succeeded) return opened.Failure!;
        var marketplace = opened.Value;

        var fingerprint = command.Fingerprint();
        // Frozen is decided on each attempt's read, so a reload posted before a freeze is still answered after it.
        var posting = await ledger.PostOnAccountAsync(command.Account, marketplace, OpKeys.Reload(command.PaymentId),
            state => state.Frozen
                ? new Failure(ErrorCode.AccountFrozen, "This account is frozen.")
                : new LedgerChange(EntryType.Reload, command.Amount,
                    state.Balance with { Gift = state.Balance.Gift + command.Amount.Amount },
                    $"payment:{command.PaymentId}", Fingerprint: fingerprint),
            account, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        if (posting.Value.Replayed && posting.Value.Entry.Fingerprint != fingerprint)
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This payment id was reloaded with another amount.");
        return posting.Value;
    }
}
