using Gifting.Core.Ledger;

namespace Gifting.Core.Adjustments;

public sealed record ReversalCommand(AccountId Account, long Seq, string Reason, string By);

/// <summary>
/// Undoes one entry with a new one of the opposite amount, at most once (the reversal's operation key is the entry's
/// sequence number), never editing the original and never overdrawing. Only gift value moved by hand or by payment
/// can be reversed: adjustments and reloads. A redemption's card stays redeemed, a debit and a refund belong to their
/// order's accounting (a refund undoes a debit), and a promotional lot is spent or expires on its own terms, so
/// undoing any of them here would leave the ledger disagreeing with the card, the order or the lot.
/// </summary>
public sealed class ReverseEntry(AccountLedger ledger, ILedgerStore store)
{
    public async Task<Result<Posting>> ExecuteAsync(ReversalCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = command.Seq < 1
            ? []
            : await store.ReadDescendingAsync(command.Account, command.Seq, 1, cancellationToken);
        if (found is not [{ } entry] || entry.Seq != command.Seq)
            return new Failure(ErrorCode.EntryNotFound, "This account has no such entry.");
        if (entry.Type is not (EntryType.Adjustment or EntryType.Reload))
            return new Failure(ErrorCode.NotReversible, "Only adjustments and reloads can be reversed.");

        var undo = entry.Amount.Negate();
        var note = new EntryNote(command.By, null, command.Reason);
        var posting = await ledger.PostAsync(command.Account, entry.Marketplace, OpKeys.Reversal(entry.Seq),
            balance => balance.Gift + undo.Amount < 0
                ? new Failure(ErrorCode.NotReversible,
                    $"Reversing this entry would overdraw the gift balance of {balance.Gift} minor units.")
                : new LedgerChange(EntryType.Reversal, undo, balance with { Gift = balance.Gift + undo.Amount },
                    $"entry:ent_{entry.Seq}", Note: note),
            cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        if (posting.Value.Replayed)
            return new Failure(ErrorCode.AlreadyReversed,
                $"This entry was reversed by entry ent_{posting.Value.Entry.Seq}.");
        return posting.Value;
    }
}
