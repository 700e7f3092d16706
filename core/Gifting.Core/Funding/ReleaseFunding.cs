using Gifting.Core.Ledger;

namespace Gifting.Core.Funding;

public sealed record ReleaseFundingCommand(OrgId Org, string OrderId, string LineId, Money Amount);

/// <summary>
/// Gives one cancelled or failed line's value back to its org's funding: once per line however often it is tried,
/// and never more, with the order's other lines, than the order reserved. The decision reads the order's entries
/// inside the ledger's optimistic loop, so two lines released at once cannot both give back the same money.
/// </summary>
public sealed class ReleaseFunding(FundingLedger ledger, IFundingLedgerStore store)
{
    public async Task<Result<FundingMovement>> ExecuteAsync(
        ReleaseFundingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(command.OrderId);
        ArgumentException.ThrowIfNullOrEmpty(command.LineId);
        var amount = command.Amount;
        if (amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "A line's value must be positive.");
        var org = await ledger.ReadAsync(command.Org, cancellationToken);
        if (org.Latest is null)
            return new Failure(ErrorCode.ValidationFailed, $"Order {command.OrderId} reserved nothing.");
        var reference = $"order:{command.OrderId}";
        var account = FundingLedger.AccountOf(command.Org);
        var posting = await ledger.PostAsync(command.Org, amount.Currency,
            OpKeys.OrderRelease(command.OrderId, command.LineId),
            (seq, ct) => store.FindByReferenceAsync(account, reference, seq, ct),
            (balance, entries) => Decide(balance, entries, command, reference), org, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        if (posting.Value.Replayed && posting.Value.Entry.Amount != amount)
            return new Failure(ErrorCode.ValidationFailed,
                $"Line {command.LineId} gave back {posting.Value.Entry.Amount} already, not {amount}.");
        return FundingLedger.MovementOf(command.Org, posting.Value);
    }

    private static Result<LedgerChange> Decide(
        BalanceState balance, IReadOnlyList<LedgerEntry> entries, ReleaseFundingCommand command, string reference)
    {
        var reserved = -entries.Where(e => e.Type == EntryType.Order).Sum(e => e.Amount.Amount);
        var released = entries.Where(e => e.Type == EntryType.OrderRelease).Sum(e => e.Amount.Amount);
        if (reserved <= 0)
            return new Failure(ErrorCode.ValidationFailed, $"Order {command.OrderId} reserved nothing.");
        if (released + command.Amount.Amount > reserved)
            return new Failure(ErrorCode.ValidationFailed,
                $"Order {command.OrderId} reserved {reserved} minor units and has {reserved - released} left to give "
                + $"back, less than {command.Amount.Amount}.");
        return new LedgerChange(EntryType.OrderRelease, command.Amount,
            balance with { Gift = balance.Gift + command.Amount.Amount }, reference);
    }
}
