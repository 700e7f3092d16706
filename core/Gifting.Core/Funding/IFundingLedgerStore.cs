using Gifting.Core.Ledger;

namespace Gifting.Core.Funding;

/// <summary>
/// The orgs' funding ledgers: the same entries and account documents as a shopper's ledger, kept apart from every
/// shopper's, so no shopper's <c>sub</c> can name an org's funding and no org id can name a shopper's balance.
/// </summary>
public interface IFundingLedgerStore : ILedgerStore;
