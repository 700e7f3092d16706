using Gifting.Core.Ledger;

namespace Gifting.Core.Funding;

public sealed record ReserveFundingCommand(OrgId Org, string OrderId, Money Total);

/// <summary>
/// Takes an order's whole total from its org's funding before the order is accepted: once per order however often it
/// is tried, and never past what is available. Reservations racing for one org's funding are settled by the ledger's
/// sequence number: each decides on the balance it read, and a write after another landed decides again.
/// </summary>
public sealed class ReserveFunding(FundingLedger ledger)
{
    public async Task<Result<FundingMovement>> ExecuteAsync(
        ReserveFundingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(command.OrderId);
        var total = command.Total;
        if (total.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "An order's total must be positive.");
        var org = await ledger.ReadAsync(command.Org, cancellationToken);
        if (org.Latest is null)
            return new Failure(ErrorCode.InsufficientFunds, "This org has no funding yet.");
        var posting = await ledger.PostAsync(command.Org, total.Currency, OpKeys.OrderReservation(command.OrderId),
            balance => balance.Gift < total.Amount
                ? new Failure(ErrorCode.InsufficientFunds,
                    $"The order's total is {total.Amount} minor units; the funding available is {balance.Gift}.")
                : new LedgerChange(EntryType.Order, total.Negate(), balance with { Gift = balance.Gift - total.Amount },
                    $"order:{command.OrderId}"),
            org, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        if (posting.Value.Replayed && posting.Value.Entry.Amount != total.Negate())
            return new Failure(ErrorCode.ValidationFailed,
                $"Order {command.OrderId} reserved {posting.Value.Entry.Amount.Negate()} already, not {total}.");
        return FundingLedger.MovementOf(command.Org, posting.Value);
    }
}
