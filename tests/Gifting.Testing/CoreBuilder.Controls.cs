using Gifting.Core.Freezes;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

public sealed partial class CoreBuilder
{
    private Func<IFreezeStore, IFreezeStore> _decorateFreezes = s => s;
    private IRedemptionWindows _windows = new InMemoryRedemptionWindows();
    // Most tests redeem many cards into one account quickly; the velocity tests name the limits they check.
    private VelocityLimits _velocity = new(BalanceStateMax, int.MaxValue, TimeSpan.Zero);

    private const long BalanceStateMax = Gifting.Core.Ledger.BalanceState.MaxTotal;

    public CoreBuilder WithVelocity(VelocityLimits limits)
    {
        _velocity = limits;
        return this;
    }

    /// <summary>Shares the velocity windows with another core, as a restarted app shares its database.</summary>
    public CoreBuilder WithWindows(IRedemptionWindows windows)
    {
        _windows = windows;
        return this;
    }

    public CoreBuilder WithFreezeStore(Func<IFreezeStore, IFreezeStore> decorate)
    {
        _decorateFreezes = decorate;
        return this;
    }
}
