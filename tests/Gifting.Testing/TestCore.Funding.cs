using Gifting.Core;
using Gifting.Core.Funding;

namespace Gifting.Testing;

/// <summary>Org funding, with shorthands that fill in what a test does not care about.</summary>
public sealed partial class TestCore
{
    public InMemoryLedgerStore Funding { get; init; } = new();
    public AddFunding AddFunding => Get<AddFunding>();
    public GetFunding GetFunding => Get<GetFunding>();
    public ReserveFunding ReserveFunding => Get<ReserveFunding>();
    public ReleaseFunding ReleaseFunding => Get<ReleaseFunding>();

    public static OrgId Org(string name) => OrgId.Parse(name);

    public Task<Result<FundingMovement>> AddFundingAsync(
        OrgId org, long amount, string fundingKey, string currency = "USD", string reference = "PO-1") =>
        AddFunding.ExecuteAsync(
            new AddFundingCommand(org, new Money(amount, currency), reference, fundingKey), CancellationToken.None);

    public Task<Result<FundingMovement>> ReserveAsync(
        OrgId org, string orderId, long total, string currency = "USD") =>
        ReserveFunding.ExecuteAsync(
            new ReserveFundingCommand(org, orderId, new Money(total, currency)), CancellationToken.None);

    public Task<Result<FundingMovement>> ReleaseAsync(
        OrgId org, string orderId, string lineId, long amount, string currency = "USD") =>
        ReleaseFunding.ExecuteAsync(
            new ReleaseFundingCommand(org, orderId, lineId, new Money(amount, currency)), CancellationToken.None);

    public async Task<Money> AvailableAsync(OrgId org, string tokenMarketplace = "US") =>
        (await GetFunding.ExecuteAsync(org, Marketplace.Parse(tokenMarketplace), CancellationToken.None)).Available;
}
