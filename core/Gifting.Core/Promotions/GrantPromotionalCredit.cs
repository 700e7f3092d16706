using Gifting.Core.Balances;
using Gifting.Core.Ledger;

namespace Gifting.Core.Promotions;

public sealed record GrantCommand(AccountId Account, string GrantId, Money Amount, DateTimeOffset ExpiresAt, string Reason, Marketplace Marketplace);

/// <summary>The lot as granted the first time, whatever a repeated request asked for.</summary>
public sealed record GrantResult(string GrantId, Money Amount, DateTimeOffset ExpiresAt, Balance Balance, bool AlreadyGranted);

/// <summary>
/// Adds a promotional lot to an account, once per grant id; the lot is indexed for expiry before it exists, and it
/// exists only if it was still at least <see cref="PromotionLimits.MinimumLead"/> from its expiry when posted.
/// </summary>
public sealed class GrantPromotionalCredit(
    AccountLedger ledger, IExpiryIndex expiries, PromotionLimits limits, TimeProvider clock)
{
    public async Task<Result<GrantResult>> ExecuteAsync(GrantCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.GrantId)) return new Failure(ErrorCode.ValidationFailed, "grantId is required.");
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "amount must be positive.");
        if (TooSoon(command.ExpiresAt) is { } tooSoon) return tooSoon;
        // An account that has a balance keeps its marketplace; the command's marketplace only opens a new one.
        var latest = await ledger.LatestAsync(command.Account, cancellationToken);
        var marketplace = latest?.Marketplace ?? command.Marketplace;
        if (command.Amount.Currency != command.Marketplace.Currency || command.Amount.Currency != marketplace.Currency)
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {marketplace.Currency}.");

        // Indexed first: a crash before the grant leaves an entry for a lot that does not exist, which expiry drops;
        // the other order could leave a lot that never expires.
        await expiries.AddAsync(new ExpiringLot(command.Account, command.GrantId, command.ExpiresAt), cancellationToken);
        var lot = new PromoLot(command.GrantId, command.Amount.Amount, command.ExpiresAt, command.Reason);
        // Checked again at the posting: a grant that stalled until its lot was nearly due could otherwise post it after
        // the timer read and dropped its index entry, or passed the hour it sits in.
        var posting = await ledger.PostAsync(command.Account, marketplace, OpKeys.PromoGrant(command.GrantId), balance =>
            TooSoon(command.ExpiresAt) is { } late ? late : new LedgerChange(
                EntryType.PromoGrant, command.Amount, balance with { Lots = balance.Lots.Add(lot) }, $"promo:{command.GrantId}"),
            cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;

        var entry = posting.Value.Entry;
        var granted = entry.After.Lots.Single(l => l.LotId == command.GrantId);
        return new GrantResult(command.GrantId, entry.Amount, granted.ExpiresAt, Balance.Of(entry.Marketplace, entry.After), posting.Value.Replayed);
    }

    private Failure? TooSoon(DateTimeOffset expiresAt) => expiresAt <= clock.GetUtcNow() + limits.MinimumLead
        ? new Failure(ErrorCode.ValidationFailed, $"expiresAt must be at least {limits.MinimumLead:c} in the future.")
        : null;
}
