using Gifting.Core.Promotions;
using Gifting.Core.Refunds;

namespace Gifting.Testing;

/// <summary>The expiry index, promotion limits and refund claims for debits, refunds and promotional credit.</summary>
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

    private InMemoryRefundClaims _refundClaims = new();
    private Func<IRefundClaims, IRefundClaims> _decorateRefundClaims = s => s;

    /// <summary>
    /// Shares an expiry index with another core, as <see cref="WithStores"/> shares the cards and ledger.
    /// </summary>
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

    /// <summary>
    /// Shares refund claims with another core, as <see cref="WithStores"/> shares the cards and ledger.
    /// </summary>
    public CoreBuilder WithRefundClaims(InMemoryRefundClaims claims)
    {
        _refundClaims = claims;
        return this;
    }

    public CoreBuilder WithRefundClaims(Func<IRefundClaims, IRefundClaims> decorate)
    {
        _decorateRefundClaims = decorate;
        return this;
    }
}
