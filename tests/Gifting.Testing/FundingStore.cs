using Gifting.Core.Funding;
using Gifting.Core.Ledger;

namespace Gifting.Testing;

/// <summary>
/// Serves a ledger store as the funding store, as the app keeps funding in a container of its own: the in-memory
/// funding ledger is another <see cref="InMemoryLedgerStore"/>, never the shoppers' one.
/// </summary>
public sealed class FundingStore(ILedgerStore inner) : DelegatingLedgerStore(inner), IFundingLedgerStore;
