using Gifting.Core.Liability;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

/// <summary>An org's funding moves the liability figures' funding total, never a shopper's gift total.</summary>
public sealed class FundingLiabilityTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = TestCore.Create();

    private async Task<LiabilityFigures> FiguresAsync() =>
        Assert.Single(await _core.Liability.ReadAsync(null, DateOnly.MinValue, DateOnly.MaxValue, default));

    [Fact]
    public async Task Funding_AddedReservedAndReleased_MovesTheFundingTotalOnly()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 30_00);
        await _core.ReleaseAsync(Acme, "ord-1", "line-1", 10_00);

        var figures = await FiguresAsync();

        Assert.Equal((80_00L, 0L), (figures.Funding, figures.Gift));
        Assert.Equal((Marketplace.Default, "USD"), (figures.Marketplace, figures.Currency));
    }

    [Fact]
    public async Task Funding_WhenReplayed_IsCountedOnce()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 30_00);
        await _core.ReserveAsync(Acme, "ord-1", 30_00);

        Assert.Equal(70_00, (await FiguresAsync()).Funding);
    }
}
