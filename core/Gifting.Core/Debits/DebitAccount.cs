using System.Collections.Immutable;
using Gifting.Core.Balances;
using Gifting.Core.Ledger;

namespace Gifting.Core.Debits;

/// <summary>
/// Spends an account's balance on an order: promotional lots first, soonest-expiring first, then the gift balance if
/// the shopper's preferences allow it for this kind of purchase. Posted once per debit key however often it is tried;
/// a replay must be the same request as the first, or it is refused.
/// </summary>
public sealed class DebitAccount(
    AccountLedger ledger, ILedgerStore store, AccountBalances balances, TimeProvider clock)
{
    public async Task<Result<DebitResult>> ExecuteAsync(DebitCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "A debit must be positive.");
        // Stored value buying stored value would let promotional credit, or a balance under review, leave as a card.
        if (command.Kind == DebitKind.GiftCard)
            return new Failure(ErrorCode.GiftCardPurchaseNotAllowed, "Gift cards cannot be paid for from a balance.");
        // One read gives the marketplace, the preferences and the balance the posting decides on first.
        var account = await ledger.ReadAsync(command.Account, cancellationToken);
        if (account.Latest is not { } latest)
            return new Failure(ErrorCode.InsufficientFunds, "This account has no balance to spend.");
        var marketplace = latest.Marketplace;
        if (command.Amount.Currency != marketplace.Currency)
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {marketplace.Currency}.");

        var chosen = account.Preferences ?? Preferences.Default;
        var giftSpendable = command.Kind == DebitKind.Order ? chosen.ApplyToOrders : chosen.ApplyToSubscriptions;
        var fingerprint = command.Fingerprint();
        // Frozen is checked on each attempt's read of the account, the read the entry is then posted after.
        var posting = await ledger.PostOnAccountAsync(command.Account, marketplace, OpKeys.Debit(command.DebitKey),
            state => state.Frozen
                ? new Failure(ErrorCode.AccountFrozen, "This account is frozen.")
                : Decide(state.Balance, command, fingerprint, giftSpendable, clock.GetUtcNow()), account,
            cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;

        var entry = posting.Value.Entry;
        if (!posting.Value.Replayed) return ResultOf(posting.Value, entry.Allocation!.Gift);
        // The idempotency record that catches a changed request lives 8 days; the entry remembers it for good.
        if (!SameRequest(entry, command, fingerprint))
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This debit key was used for another request.");
        // A replay is answered from the ledger: the gift spent is what the entry recorded taking, or for an entry
        // older than that record, what it took off the one before it.
        var fromGift = entry.Allocation?.Gift ?? (await BeforeAsync(entry, cancellationToken)).Gift - entry.After.Gift;
        return ResultOf(posting.Value, fromGift);
    }

    /// <summary>An entry without a fingerprint predates it: its order is all it can be checked against.</summary>
    private static bool SameRequest(LedgerEntry entry, DebitCommand command, string fingerprint) =>
        entry.Fingerprint is { } first ? first == fingerprint : entry.Reference == $"order:{command.OrderId}";

    private static Result<LedgerChange> Decide(
        BalanceState balance, DebitCommand command, string fingerprint, bool giftSpendable, DateTimeOffset now)
    {
        // A lot at or past its expiry is gone for spending, even before the expiry timer has swept it.
        var lots = balance.Lots.Where(l => l.ExpiresAt > now)
            .OrderBy(l => l.ExpiresAt).ThenBy(l => l.LotId, StringComparer.Ordinal).ToList();
        var available = lots.Sum(l => l.Amount) + (giftSpendable ? balance.Gift : 0);
        if (available == 0 || (available < command.Amount.Amount && !command.AllowPartial))
            return new Failure(ErrorCode.InsufficientFunds,
                $"The balance available for this debit is {available} minor units.");

        var remaining = Math.Min(available, command.Amount.Amount);
        var taken = new List<PromoLot>();
        foreach (var lot in lots.TakeWhile(_ => remaining > 0))
        {
            var take = Math.Min(lot.Amount, remaining);
            taken.Add(lot with { Amount = take });
            remaining -= take;
        }

        var applied = Math.Min(available, command.Amount.Amount);
        var after = new BalanceState(
            balance.Gift - remaining,
            balance.Lots
                .Select(l => l with { Amount = l.Amount - taken.Where(t => t.LotId == l.LotId).Sum(t => t.Amount) })
                .Where(l => l.Amount > 0).ToImmutableArray());
        // What it took from where, so a refund of the order can give back exactly that.
        var allocation = new Allocation(remaining, [.. taken], []);
        var amount = new Money(-applied, command.Amount.Currency);
        return new LedgerChange(EntryType.Debit, amount, after, $"order:{command.OrderId}", allocation, fingerprint);
    }

    private async Task<BalanceState> BeforeAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var previous = await store.ReadDescendingAsync(entry.Account, entry.Seq - 1, 1, cancellationToken);
        return previous.Count == 1 ? previous[0].After : BalanceState.Empty;
    }

    private DebitResult ResultOf(Posting posting, long fromGift)
    {
        var entry = posting.Entry;
        var currency = entry.Marketplace.Currency;
        var applied = entry.Amount.Negate();
        return new DebitResult(
            entry.Seq,
            applied,
            new Money(applied.Amount - fromGift, currency),
            new Money(fromGift, currency),
            balances.After(posting));
    }
}
