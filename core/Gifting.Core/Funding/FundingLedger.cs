using Gifting.Core.Ledger;

namespace Gifting.Core.Funding;

/// <summary>
/// An org's funding as a ledger: <see cref="AccountLedger"/> over the funding store, the org's id naming its account
/// there. Funding keeps no promotional lots, so what is available is the balance's gift part. An org's currency is
/// that of its first funding; its entries carry the first marketplace of that currency as their marketplace, so the
/// ledger's own marketplace check is the currency check, and a posting in another currency is a currency mismatch.
/// </summary>
public sealed class FundingLedger(
    IFundingLedgerStore store, TimeProvider clock, Liability.ILiabilityTotals? liability = null)
{
    private readonly AccountLedger _ledger =
        new(store, clock, liability is null ? null : new Liability.LedgerTotals(liability, funding: true));

    public static AccountId AccountOf(OrgId org) => AccountId.Parse(org.Value);

    public Task<AccountState> ReadAsync(OrgId org, CancellationToken cancellationToken) =>
        store.ReadAccountAsync(AccountOf(org), cancellationToken);

    /// <summary>
    /// Posts in <paramref name="currency"/>, refusing it when the org's funding is in another, first on
    /// <paramref name="known"/> and again at the write, which a first funding in another currency may have beaten.
    /// </summary>
    public async Task<Result<Posting>> PostAsync<TRead>(
        OrgId org,
        string currency,
        string opKey,
        Func<long, CancellationToken, Task<TRead>> read,
        Func<BalanceState, TRead, Result<LedgerChange>> decide,
        AccountState known,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (known.Latest is { } latest && latest.Amount.Currency != currency) return Mismatch(latest);
        if (Marketplace.FirstForCurrency(currency) is not { } marketplace)
            return new Failure(ErrorCode.ValidationFailed, $"Funding in {currency} is not offered.");
        var posting = await _ledger.PostAsync(
            AccountOf(org), marketplace, opKey, read, decide, known, cancellationToken);
        if (posting.Failure?.Code != ErrorCode.RegionMismatch) return posting;
        return await ReadAsync(org, cancellationToken) is { Latest: { } now }
            ? Mismatch(now)
            : posting.Failure!;
    }

    public Task<Result<Posting>> PostAsync(
        OrgId org,
        string currency,
        string opKey,
        Func<BalanceState, Result<LedgerChange>> decide,
        AccountState known,
        CancellationToken cancellationToken) =>
        PostAsync(org, currency, opKey, (_, _) => Task.FromResult(true), (balance, _) => decide(balance), known,
            cancellationToken);

    public static FundingMovement MovementOf(OrgId org, Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var entry = posting.Entry;
        var currency = entry.Amount.Currency;
        return new FundingMovement(
            org, entry.Seq, entry.Amount, new Money(entry.After.Gift, currency), posting.Replayed);
    }

    private static Failure Mismatch(LedgerEntry latest) =>
        new(ErrorCode.CurrencyMismatch, $"This org's funding is in {latest.Amount.Currency}.");
}
