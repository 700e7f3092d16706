using System.Globalization;
using Gifting.Core.Ledger;

namespace Gifting.Core.Adjustments;

/// <summary>An admin's credit or debit of an account's gift balance, named by its adjustment id.</summary>
public sealed record AdjustmentCommand(
    AccountId Account, string AdjustmentId, bool Credit, Money Amount, AdjustmentReason Reason, string? Note,
    string By, Marketplace? Marketplace)
{
    public string Fingerprint() => RequestFingerprint.Of(string.Create(CultureInfo.InvariantCulture,
        $"adjustment\n{AdjustmentId}\n{(Credit ? "credit" : "debit")}\n{Amount.Amount} {Amount.Currency}\n")
        + $"{Reason}\n{Note}");
}

/// <summary>
/// Moves gift value by hand, once per adjustment id; a repeat must be the same adjustment, or it is refused. Only the
/// gift balance moves: promotional lots carry their grant's terms and expiry, and an adjustment has neither. A frozen
/// account can still be adjusted, since recovering value from it is one reason to freeze it.
/// </summary>
public sealed class AdjustBalance(AccountLedger ledger)
{
    /// <summary>1,000,000.00 in a two-decimal currency, as for reloads and refunds.</summary>
    public const long MaxAmount = 1_000_000_00;

    public async Task<Result<Posting>> ExecuteAsync(AdjustmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount is <= 0 or > MaxAmount)
            return new Failure(ErrorCode.ValidationFailed, $"An adjustment must be 1 to {MaxAmount} minor units.");
        if (!command.Reason.Allows(command.Credit))
            return new Failure(ErrorCode.ValidationFailed,
                $"Reason {command.Reason} does not allow a {(command.Credit ? "credit" : "debit")}.");
        var account = await ledger.ReadAsync(command.Account, cancellationToken);
        if (!command.Credit && account.Latest is null)
            return new Failure(ErrorCode.InsufficientFunds, "This account has no balance to take from.");
        var opened = OpeningMarketplace.For(account, command.Amount, command.Marketplace);
        if (!opened.Succeeded) return opened.Failure!;
        var marketplace = opened.Value;

        var fingerprint = command.Fingerprint();
        var signed = command.Credit ? command.Amount : command.Amount.Negate();
        var note = new EntryNote(command.By, ReasonCode(command.Reason), command.Note);
        var posting = await ledger.PostAsync(command.Account, marketplace, OpKeys.Adjustment(command.AdjustmentId),
            balance => balance.Gift + signed.Amount < 0
                ? new Failure(ErrorCode.InsufficientFunds, $"The gift balance is {balance.Gift} minor units.")
                : new LedgerChange(EntryType.Adjustment, signed, balance with { Gift = balance.Gift + signed.Amount },
                    $"adjustment:{command.AdjustmentId}", Fingerprint: fingerprint, Note: note),
            account, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        if (posting.Value.Replayed && posting.Value.Entry.Fingerprint != fingerprint)
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This adjustment id was used for another adjustment.");
        return posting.Value;
    }

    /// <summary>The reason as the API spells it: <c>fraud_recovery</c>.</summary>
    public static string ReasonCode(AdjustmentReason reason) => reason switch
    {
        AdjustmentReason.FraudRecovery => "fraud_recovery",
        AdjustmentReason.LegalOrder => "legal_order",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
