using Gifting.Core.Links;

namespace Gifting.Testing;

/// <summary>One-click links: their index, and how long a link lasts.</summary>
public sealed partial class CoreBuilder
{
    private readonly InMemoryLinkIndex _links = new();
    private Func<ILinkIndex, ILinkIndex> _decorateLinks = s => s;
    private LinkLimits _linkLimits = LinkLimits.Default;

    public CoreBuilder WithLinkIndex(Func<ILinkIndex, ILinkIndex> decorate)
    {
        _decorateLinks = decorate;
        return this;
    }

    public CoreBuilder WithLinkLimits(LinkLimits limits)
    {
        _linkLimits = limits;
        return this;
    }
}
