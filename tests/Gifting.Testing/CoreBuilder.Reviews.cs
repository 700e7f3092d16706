using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>The hold documents of reviewed redemptions and the sweeper's index of unfinished ones.</summary>
public sealed partial class CoreBuilder
{
    private readonly InMemoryUnfinishedRedemptionIndex _unfinished = new();
    private Func<IHoldStore, IHoldStore> _decorateHolds = s => s;
    private Func<IUnfinishedRedemptionIndex, IUnfinishedRedemptionIndex> _decorateUnfinished = s => s;

    public CoreBuilder WithHoldStore(Func<IHoldStore, IHoldStore> decorate)
    {
        _decorateHolds = decorate;
        return this;
    }

    public CoreBuilder WithUnfinishedRedemptionIndex(
        Func<IUnfinishedRedemptionIndex, IUnfinishedRedemptionIndex> decorate)
    {
        _decorateUnfinished = decorate;
        return this;
    }

    /// <summary>
    /// Holds for review every redemption of a card worth at least <paramref name="threshold"/> USD minor units.
    /// </summary>
    public CoreBuilder WithReviewAbove(long threshold)
    {
        _review = new ReviewPolicy(new Dictionary<string, long> { ["USD"] = threshold });
        return this;
    }
}
