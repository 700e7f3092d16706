using Gifting.Core.Balances;
using Gifting.Core.Ledger;
using Gifting.Core.Promotions;

namespace Gifting.Core.Refunds;

/// <summary>
/// Applies a refund once per refund id across all accounts, however often it is delivered. From balance it gives
/// back what the order took (<see cref="BalanceRefund"/>); from an external payment it credits the gift balance.
/// </summary>
public sealed class CreditRefund(
    AccountLedger ledger, ILedgerStore store, IRefundClaims claims, IExpiryIndex expiries, AccountBalances balances,
    RefundLimits limits, PromotionLimits promotions, TimeProvider clock)
{
    public async Task<Result<RefundResult>> ExecuteAsync(RefundCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "A refund must be positive.");
        if (command.Amount.Amount > limits.MaxAmount)
            return new Failure(ErrorCode.ValidationFailed, $"A refund may be at most {limits.MaxAmount} minor units.");
        // Balance only ever comes from a redemption, a refund of a debit or a grant: an account without entries
        // never paid with it, so a refund to it is a message for the wrong account.
        var account = await ledger.ReadAsync(command.Account, cancellationToken);
        if (account.Latest is not { } latest)
            return new Failure(ErrorCode.ValidationFailed, "Unknown account: it has no balance to refund to.");
        var marketplace = latest.Marketplace;
        if (command.Amount.Currency != marketplace.Currency)
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {marketplace.Currency}.");

        var opKey = OpKeys.Refund(command.RefundId);
        var fingerprint = command.Fingerprint();
        var reference = $"order:{command.OrderId}";
        // A lot this close to its expiry is forfeited rather than given back: the expiry timer may already have
        // passed it, and a lot put back behind the timer would never expire (grants keep the same lead).
        var forfeitBefore = clock.GetUtcNow() + promotions.MinimumLead;
        IReadOnlyList<LedgerEntry>? orderEntries = null;
        if (command.Origin == RefundOrigin.Balance)
        {
            orderEntries = await store.FindByReferenceAsync(command.Account, reference, latest.Seq, cancellationToken);
            if (await RefusalBeforeClaimAsync(command, latest, orderEntries, opKey, forfeitBefore, cancellationToken)
                is { } refused)
                return refused;
        }

        // Claimed before posting: a crash in between leaves a claim that this account's redelivery goes on from.
        var owner = await claims.ClaimAsync(command.RefundId, command.Account, cancellationToken);
        if (owner != command.Account)
            return new Failure(ErrorCode.NotRefundable, "This refund id belongs to another account.");

        var posting = command.Origin == RefundOrigin.External
            ? await ledger.PostAsync(command.Account, marketplace, opKey, balance => new LedgerChange(
                EntryType.Refund, command.Amount, balance with { Gift = balance.Gift + command.Amount.Amount },
                reference, Fingerprint: fingerprint),
                account, cancellationToken)
            : await ledger.PostAsync(command.Account, marketplace, opKey,
                (seq, ct) => OrderEntriesAsync(
                    command, seq, seq == latest.Seq ? orderEntries : null, forfeitBefore, ct),
                (balance, entries) => BalanceRefund.Decide(balance, entries, command, forfeitBefore) is var decided
                    && decided.Succeeded ? decided.Value with { Fingerprint = fingerprint } : decided,
                account, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;

        var entry = posting.Value.Entry;
        // The money stays as the first message moved it; a different refund under its id is for an operator to see.
        if (posting.Value.Replayed && !SameRefund(entry, command, fingerprint))
            return new Failure(ErrorCode.IdempotencyKeyMismatch,
                "This refund id was applied to another refund (another order, amount or origin).");
        var forfeited = new Money(entry.Allocation?.ForfeitedAmount ?? 0, entry.Amount.Currency);
        return new RefundResult(command.RefundId, entry.Amount, forfeited,
            balances.After(posting.Value), posting.Value.Replayed);
    }

    /// <summary>An entry without a fingerprint predates it: its order is all it can be checked against.</summary>
    private static bool SameRefund(LedgerEntry entry, RefundCommand command, string fingerprint) =>
        entry.Fingerprint is { } first ? first == fingerprint : entry.Reference == $"order:{command.OrderId}";

    /// <summary>
    /// The order's entries up to <paramref name="seq"/>, or those already read up to there. Every lot the order took
    /// that has not expired is indexed first, as a grant indexes before it posts: a lot given back must be one the
    /// expiry timer will find.
    /// </summary>
    private async Task<IReadOnlyList<LedgerEntry>> OrderEntriesAsync(
        RefundCommand command, long seq, IReadOnlyList<LedgerEntry>? read, DateTimeOffset forfeitBefore,
        CancellationToken cancellationToken)
    {
        var reference = $"order:{command.OrderId}";
        var entries = read ?? await store.FindByReferenceAsync(command.Account, reference, seq, cancellationToken);
        var taken = entries.Where(e => e.Type == EntryType.Debit).SelectMany(e => e.Allocation?.Lots ?? [])
            .Where(l => l.ExpiresAt > forfeitBefore).DistinctBy(l => l.LotId);
        foreach (var lot in taken)
            await expiries.AddAsync(new ExpiringLot(command.Account, lot.LotId, lot.ExpiresAt), cancellationToken);
        return entries;
    }

    /// <summary>
    /// A refund from balance that this account cannot take (no such order here, nothing left of it) is refused
    /// before it claims its refund id, so the message naming the account that did pay still can. Its own redelivery
    /// after it was posted finds its entry and goes on. The decision inside the posting stays the one that counts.
    /// </summary>
    private async Task<Failure?> RefusalBeforeClaimAsync(
        RefundCommand command, LedgerEntry latest, IReadOnlyList<LedgerEntry> entries, string opKey,
        DateTimeOffset forfeitBefore, CancellationToken cancellationToken)
    {
        var decision = BalanceRefund.Decide(latest.After, entries, command, forfeitBefore);
        if (decision.Succeeded || decision.Failure!.Code != ErrorCode.NotRefundable) return null;
        var posted = await store.FindByOpKeyAsync(command.Account, opKey, cancellationToken);
        return posted is null ? decision.Failure : null;
    }
}
