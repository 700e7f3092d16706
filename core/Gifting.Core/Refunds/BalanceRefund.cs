using Gifting.Core.Ledger;

namespace Gifting.Core.Refunds;

/// <summary>
/// How a refund from balance gives an order's money back: what is left is what the order's debits took, less what
/// its earlier refunds gave back or forfeited, lot by lot. Gift goes back first, then the lots, latest expiry first
/// (the reverse of spending; lots that expire together go back in lot id order, as they were spent, which moves the
/// same money either way); a lot that expires by <c>forfeitBefore</c> is forfeited rather than given back.
/// </summary>
internal static class BalanceRefund
{
    public static Result<LedgerChange> Decide(
        BalanceState balance, IReadOnlyList<LedgerEntry> orderEntries, RefundCommand command,
        DateTimeOffset forfeitBefore)
    {
        // Entries without an allocation moved nothing the order took from this balance: an external refund.
        var debits = Allocations(orderEntries, EntryType.Debit);
        if (debits.Count == 0)
            return new Failure(ErrorCode.NotRefundable, "No debit of this order was paid from this account.");
        var refunds = Allocations(orderEntries, EntryType.Refund);

        var giftLeft = debits.Sum(d => d.Gift) - refunds.Sum(r => r.Gift);
        var lotsLeft = debits.SelectMany(d => d.Lots)
            .Concat(refunds.SelectMany(r => r.Lots.Concat(r.Forfeited)).Select(l => l with { Amount = -l.Amount }))
            .GroupBy(l => l.LotId, StringComparer.Ordinal)
            .Select(g => g.First() with { Amount = g.Sum(l => l.Amount) })
            .Where(l => l.Amount > 0)
            .OrderByDescending(l => l.ExpiresAt).ThenBy(l => l.LotId, StringComparer.Ordinal)
            .ToList();
        var left = giftLeft + lotsLeft.Sum(l => l.Amount);
        if (command.Amount.Amount > left)
            return new Failure(ErrorCode.NotRefundable, $"Only {left} minor units of this order are left to refund.");

        var gift = Math.Min(command.Amount.Amount, giftLeft);
        var rest = command.Amount.Amount - gift;
        var (restored, forfeited) = (new List<PromoLot>(), new List<PromoLot>());
        foreach (var lot in lotsLeft.TakeWhile(_ => rest > 0))
        {
            var part = lot with { Amount = Math.Min(rest, lot.Amount) };
            rest -= part.Amount;
            (part.ExpiresAt > forfeitBefore ? restored : forfeited).Add(part);
        }

        var lots = balance.Lots.ToList();
        foreach (var part in restored)
        {
            var held = lots.FindIndex(l => l.LotId == part.LotId);
            if (held >= 0) lots[held] = lots[held] with { Amount = lots[held].Amount + part.Amount };
            else lots.Add(part);
        }
        var allocation = new Allocation(gift, [.. restored], [.. forfeited]);
        return new LedgerChange(EntryType.Refund, new Money(gift + allocation.Promotional, command.Amount.Currency),
            new BalanceState(balance.Gift + gift, [.. lots]), $"order:{command.OrderId}", allocation);
    }

    private static List<Allocation> Allocations(IEnumerable<LedgerEntry> entries, EntryType type) =>
        entries.Where(e => e.Type == type && e.Allocation is not null).Select(e => e.Allocation!).ToList();
}
