using Gifting.Core.Concurrency;
using Gifting.Core.Ledger;

namespace Gifting.Core.Freezes;

/// <summary>
/// Freezes or unfreezes an account. The history record is written first, create-only at the next version, and then
/// shown on the account document, as a ledger entry is: a crash between the two leaves a record the next attempt
/// clashes with and applies before it decides again. Asking for the state the account is already in records nothing.
/// </summary>
public sealed class FreezeAccount(AccountLedger ledger, IFreezeStore freezes, TimeProvider clock)
{
    public Task<Result<FreezeState>> ExecuteAsync(
        AccountId account, FreezeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var subject = FreezeSubject.Account(account);
        return OptimisticRetry.RunAsync<FreezeState>($"the freeze of account {account}", async () =>
        {
            var current = (await ledger.ReadAsync(account, cancellationToken)).Freeze;
            if ((current?.Frozen ?? false) == command.Frozen) return current ?? FreezeState.Never;
            var next = new FreezeState(
                (current?.Version ?? 0) + 1, command.Frozen, command.Reason, command.By, clock.GetUtcNow());
            if (await freezes.TryAddAsync(subject, next, cancellationToken))
            {
                await freezes.ApplyToAccountAsync(account, next, cancellationToken);
                return next;
            }
            // Someone recorded this version first, or a crash left it unapplied: show it, then decide again.
            if (await freezes.FindAsync(subject, next.Version, cancellationToken) is { } taken)
                await freezes.ApplyToAccountAsync(account, taken, cancellationToken);
            return null;
        }, cancellationToken);
    }
}
