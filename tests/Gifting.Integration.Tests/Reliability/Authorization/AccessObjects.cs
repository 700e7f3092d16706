namespace Gifting.Integration.Tests.Reliability.Authorization;

/// <summary>
/// The objects the matrix names: two shoppers (A's is "own"), cards of two issuers and an inactive physical one, a
/// code another shopper redeemed, an entry in each shopper's ledger, two orgs with an order each, two rejected
/// messages; <see cref="Code"/> is a code nobody redeemed yet, where a cell needs one.
/// </summary>
public sealed record AccessObjects(
    string ShopperA, string ShopperB, string CardA, string CardB, string PhysicalA, string RedeemedCode,
    string EntryA, string EntryB, string OrgA, string OrgB, string OrderA, string OrderB, string RejectedA,
    string RejectedB)
{
    public string Code { get; init; } = "";
}
