using Gifting.Core;
using Gifting.Core.Adjustments;
using Gifting.Core.Freezes;
using Gifting.Core.Ledger;
using Gifting.Core.Reloads;

namespace Gifting.Testing;

/// <summary>Operators' controls (freezes, adjustments, reversals) and reloads, with shorthands.</summary>
public sealed partial class TestCore
{
    public InMemoryFreezeStore Freezes => Ledger.Freezes;
    public FreezeAccount FreezeAccount => Get<FreezeAccount>();
    public FreezeCard FreezeCard => Get<FreezeCard>();
    public ReloadAccount ReloadAccount => Get<ReloadAccount>();
    public AdjustBalance AdjustBalance => Get<AdjustBalance>();
    public ReverseEntry ReverseEntry => Get<ReverseEntry>();

    public Task<Result<FreezeState>> FreezeAsync(AccountId account, bool frozen = true, string by = "agent-1") =>
        FreezeAccount.ExecuteAsync(account, new FreezeCommand(frozen, "test reason", by), CancellationToken.None);

    public Task<Result<Posting>> ReloadAsync(
        AccountId account, string paymentId, long amount, string marketplace = "US", string? currency = null)
    {
        var market = Marketplace.Parse(marketplace);
        return ReloadAccount.ExecuteAsync(
            new ReloadCommand(account, paymentId, new Money(amount, currency ?? market.Currency), market),
            CancellationToken.None);
    }

    public Task<Result<Posting>> AdjustAsync(
        AccountId account, string adjustmentId, long amount, bool credit = true,
        AdjustmentReason reason = AdjustmentReason.Correction, string currency = "USD") =>
        AdjustBalance.ExecuteAsync(
            new AdjustmentCommand(account, adjustmentId, credit, new Money(amount, currency), reason, null, "admin-1",
                Marketplace.Parse("US")),
            CancellationToken.None);

    public Task<Result<Posting>> ReverseAsync(AccountId account, long seq, string by = "admin-1") =>
        ReverseEntry.ExecuteAsync(new ReversalCommand(account, seq, "test reversal", by), CancellationToken.None);
}
