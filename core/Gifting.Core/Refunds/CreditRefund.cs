using Gifting.Core.Balances;
using Gifting.Core.Ledger;

namespace Gifting.Core.Refunds;

/// <summary>A refund message from the <c>refunds</c> queue; <see cref="RefundId"/> makes redeliveries credit once.</summary>
public sealed record RefundCommand(string RefundId, AccountId Account, string OrderId, Money Amount, string? Reason);

/// <summary><see cref="AlreadyCredited"/> when the refund had been credited before; the amount is then the first one.</summary>
public sealed record RefundResult(string RefundId, Money Credited, Balance Balance, bool AlreadyCredited);

/// <summary>Credits a refunded order back to the gift balance, once per refund id however often it is delivered.</summary>
public sealed class CreditRefund(AccountLedger ledger)
{
    public async Task<Result<RefundResult>> ExecuteAsync(RefundCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "amount must be positive.");
        // Balance only ever comes from a redemption, a refund of a debit or a grant: an account without entries
        // never paid with it, so a refund to it is a message for the wrong account.
        var latest = await ledger.LatestAsync(command.Account, cancellationToken);
        if (latest is null) return new Failure(ErrorCode.ValidationFailed, "Unknown account: it has no balance to refund to.");
        if (command.Amount.Currency != latest.Marketplace.Currency)
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {latest.Marketplace.Currency}.");

        var posting = await ledger.PostAsync(command.Account, latest.Marketplace, OpKeys.Refund(command.RefundId), balance => new LedgerChange(
            EntryType.Refund, command.Amount, balance with { Gift = balance.Gift + command.Amount.Amount }, $"order:{command.OrderId}"),
            cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        var entry = posting.Value.Entry;
        return new RefundResult(command.RefundId, entry.Amount, Balance.Of(entry.Marketplace, entry.After), posting.Value.Replayed);
    }
}
