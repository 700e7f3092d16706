using Gifting.Core.Promotions;

namespace Gifting.Testing;

/// <summary>The expiry index and limits for debits, refunds and promotional credit.</summary>
public sealed partial class CoreBuilder
{
    private InMemoryExpiryIndex _expiryIndex = new();
    private Func<IExpiryIndex, IExpiryIndex> _decorateExpiries = s => s;
    private PromotionLimits _promotions = PromotionLimits.Default;

    public CoreBuilder WithPromotionLimits(PromotionLimits limits)
    {
        _promotions = limits;
        return this;
    }

    /// <summary>Shares an expiry index with another core, as <see cref="WithStores"/> shares the cards and ledger.</summary>
    public CoreBuilder WithExpiryIndex(InMemoryExpiryIndex index)
    {
        _expiryIndex = index;
        return this;
    }

    public CoreBuilder WithExpiryIndex(Func<IExpiryIndex, IExpiryIndex> decorate)
    {
        _decorateExpiries = decorate;
        return this;
    }
}
