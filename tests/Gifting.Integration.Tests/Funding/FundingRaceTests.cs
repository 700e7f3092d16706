using Gifting.Core;
using Gifting.Core.Funding;

namespace Gifting.Integration.Tests.Funding;

/// <summary>
/// Reservations and releases against the emulator's funding container, raced as orders would race them: the ledger's
/// sequence number and unique operation key settle every race there as they do in core.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class FundingRaceTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reservations_ThatTogetherExceedTheFunding_NeverAllSucceed()
    {
        var org = await FundedOrgAsync(100_00);
        var reserve = _app.Services.GetRequiredService<ReserveFunding>();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => reserve.ExecuteAsync(
            new ReserveFundingCommand(org, $"ord-{i}", Usd(10_00)), CancellationToken.None))));

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.InsufficientFunds, r.Failure!.Code));
        Assert.Equal(0, await AvailableAsync(org));
    }

    [Fact]
    public async Task Reservation_OfOneOrderRacedTenTimes_TakesItsTotalOnce()
    {
        var org = await FundedOrgAsync(100_00);
        var reserve = _app.Services.GetRequiredService<ReserveFunding>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => reserve.ExecuteAsync(
            new ReserveFundingCommand(org, "ord-1", Usd(40_00)), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(60_00, await AvailableAsync(org));
    }

    [Fact]
    public async Task Releases_OfMoreLinesThanTheOrderReserved_GiveBackAtMostItsTotal_AndEachLineOnce()
    {
        var org = await FundedOrgAsync(100_00);
        var reserved = await _app.Services.GetRequiredService<ReserveFunding>().ExecuteAsync(
            new ReserveFundingCommand(org, "ord-1", Usd(30_00)), CancellationToken.None);
        Assert.True(reserved.Succeeded);
        var release = _app.Services.GetRequiredService<ReleaseFunding>();

        // Six lines of 10.00 against a 30.00 order, each sent twice.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => release.ExecuteAsync(
            new ReleaseFundingCommand(org, "ord-1", $"line-{i % 6}", Usd(10_00)),
            CancellationToken.None))));

        Assert.Equal(100_00, await AvailableAsync(org));
        Assert.Equal(3, results.Where(r => r.Succeeded).Select(r => r.Value.Seq).Distinct().Count());
    }

    private static Core.Money Usd(long amount) => new(amount, "USD");

    private async Task<OrgId> FundedOrgAsync(long amount)
    {
        var org = Api.NewId("org");
        using var added = await _app.ClientFor("admin-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)added.StatusCode);
        return OrgId.Parse(org);
    }

    private async Task<long> AvailableAsync(OrgId org) =>
        (await (await _app.ClientFor("buyer-1", "corporate", org: org.Value).GetAsync("/api/funding")).JsonAsync())
            .GetProperty("available").GetProperty("amount").GetInt64();
}
