using Gifting.Core.Funding;
using Gifting.Core.Ledger;

namespace Gifting.Testing;

/// <summary>The orgs' funding ledger, apart from the shoppers' one, and its limit.</summary>
public sealed partial class CoreBuilder
{
    private readonly InMemoryLedgerStore _funding = new();
    private Func<ILedgerStore, ILedgerStore> _decorateFunding = s => s;
    private FundingLimits _fundingLimits = FundingLimits.Default;

    public CoreBuilder WithFundingStore(Func<ILedgerStore, ILedgerStore> decorate)
    {
        _decorateFunding = decorate;
        return this;
    }

    public CoreBuilder WithFundingLimits(FundingLimits limits)
    {
        _fundingLimits = limits;
        return this;
    }
}
