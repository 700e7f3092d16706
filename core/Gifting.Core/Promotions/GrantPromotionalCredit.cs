using Gifting.Core.Balances;
using Gifting.Core.Ledger;

namespace Gifting.Core.Promotions;

/// <summary>
/// A grant of a promotional lot. <see cref="Marketplace"/> opens the balance of an account that has none yet; an
/// account with a balance keeps its own, so it may be left out then.
/// </summary>
public sealed record GrantCommand(
    AccountId Account, string GrantId, Money Amount, DateTimeOffset ExpiresAt, string Reason, Marketplace? Marketplace);

/// <summary>The lot as granted the first time, whatever a repeated request asked for.</summary>
public sealed record GrantResult(
    string GrantId, Money Amount, DateTimeOffset ExpiresAt, Balance Balance, bool AlreadyGranted);

/// <summary>
/// Adds a promotional lot to an account, once per grant id; the lot is indexed for expiry before it exists, and it
/// exists only if it was still at least <see cref="PromotionLimits.MinimumLead"/> from its expiry when posted.
/// </summary>
public sealed class GrantPromotionalCredit(
    AccountLedger ledger, IExpiryIndex expiries, PromotionLimits limits, AccountBalances balances, TimeProvider clock)
{
    public async Task<Result<GrantResult>> ExecuteAsync(GrantCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "A grant must be positive.");
        if (command.Amount.Amount > limits.MaxGrant)
            return new Failure(ErrorCode.ValidationFailed, $"A grant may be at most {limits.MaxGrant} minor units.");
        if (command.ExpiresAt > clock.GetUtcNow() + limits.MaxHorizon)
            return new Failure(ErrorCode.ValidationFailed,
                $"A grant may expire at most {limits.MaxHorizon.TotalDays:0} days from now.");
        if (TooSoon(command.ExpiresAt) is { } tooSoon) return tooSoon;
        // An account that has a balance keeps its marketplace; the command's marketplace only opens a new one.
        var account = await ledger.ReadAsync(command.Account, cancellationToken);
        if ((account.Latest?.Marketplace ?? command.Marketplace) is not { } marketplace)
            return new Failure(ErrorCode.ValidationFailed,
                $"This account has no balance yet: name the marketplace its {command.Amount.Currency} balance is for.");
        if (command.Amount.Currency != marketplace.Currency
            || (command.Marketplace is { } named && named.Currency != command.Amount.Currency))
            return new Failure(ErrorCode.CurrencyMismatch, $"This account's balance is in {marketplace.Currency}.");

        // Indexed first: a crash before the grant leaves an entry for a lot that does not exist, which expiry drops;
        // the other order could leave a lot that never expires.
        await expiries.AddAsync(
            new ExpiringLot(command.Account, command.GrantId, command.ExpiresAt), cancellationToken);
        var lot = new PromoLot(command.GrantId, command.Amount.Amount, command.ExpiresAt, command.Reason);
        // Checked again at the posting: a grant that stalled until its lot was nearly due could otherwise post it after
        // the timer read and dropped its index entry, or passed the hour it sits in.
        var posting = await ledger.PostAsync(command.Account, marketplace, OpKeys.PromoGrant(command.GrantId),
            balance => TooSoon(command.ExpiresAt) is { } late ? late : new LedgerChange(EntryType.PromoGrant,
                command.Amount, balance with { Lots = balance.Lots.Add(lot) }, $"promo:{command.GrantId}"),
            account, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;

        var entry = posting.Value.Entry;
        var granted = entry.After.Lots.Single(l => l.LotId == command.GrantId);
        var balance = balances.After(posting.Value);
        return new GrantResult(command.GrantId, entry.Amount, granted.ExpiresAt, balance, posting.Value.Replayed);
    }

    private Failure? TooSoon(DateTimeOffset expiresAt) => expiresAt <= clock.GetUtcNow() + limits.MinimumLead
        ? new Failure(ErrorCode.ValidationFailed, $"A grant must expire at least {limits.MinimumLead:c} from now.")
        : null;
}
