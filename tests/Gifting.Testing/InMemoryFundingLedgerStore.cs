using Gifting.Core.Funding;

namespace Gifting.Testing;

/// <summary>Org funding in memory, in a ledger of its own, as the app keeps it in a container of its own.</summary>
public sealed class InMemoryFundingLedgerStore()
    : DelegatingLedgerStore(new InMemoryLedgerStore()), IFundingLedgerStore;
