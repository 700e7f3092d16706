using Gifting.Core.Freezes;

namespace Gifting.Testing;

public sealed partial class CoreBuilder
{
    private Func<IFreezeStore, IFreezeStore> _decorateFreezes = s => s;

    public CoreBuilder WithFreezeStore(Func<IFreezeStore, IFreezeStore> decorate)
    {
        _decorateFreezes = decorate;
        return this;
    }
}
