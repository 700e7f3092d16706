using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// A line redeemed while its order is cancelled ends as one of the two, never both: redeemed and kept, or cancelled
/// and given back; together the two are exactly the order's total.
/// </summary>
public sealed class CancelRedeemRaceTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private const long Funded = 1_000_00;
    private const int LineCount = 8;

    [Fact]
    public async Task Lines_RedeemedWhileTheOrderIsCancelled_EndRedeemedOrCancelledNeverBoth()
    {
        for (var run = 0; run < 25; run++) await RaceAsync(run);
    }

    private static async Task RaceAsync(int run)
    {
        var core = OrderChecks.Builder().Build();
        await core.AddFundingAsync(Acme, Funded, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
        var orderId = placed.Value.OrderId;
        await core.DeliverChunksAsync();
        var codes = OrderChecks.LinesOf(core, orderId).Select(l => OrderChecks.CodeOf(core, l).Display).ToList();

        // Everybody starts together; the redemptions start a little later line by line, so some land before the
        // cancellation reaches their line and some after.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var redeeming = codes.Select((code, i) => Task.Run(async () =>
        {
            await start.Task;
            await Task.Delay(TimeSpan.FromMilliseconds((i * 3 + run) % 7));
            return await core.RedeemAsync(TestCore.Account($"shopper-{i}"), code);
        })).ToList();
        var cancelling = Task.Run(async () =>
        {
            await start.Task;
            await core.CancelOrder.ExecuteAsync(new CancelOrderCommand(Acme, orderId, "buyer-1"), default);
            await Task.WhenAll(core.DrainChunks().Select(m => Task.Run(() =>
                core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(m.Body), CancellationToken.None))));
        });
        start.SetResult();
        await Task.WhenAll([.. redeeming, cancelling]);

        var released = OrderChecks.FundingOf(core, Acme, orderId, EntryType.OrderRelease);
        var redeemedValue = 0L;
        foreach (var line in OrderChecks.LinesOf(core, orderId))
        {
            var card = await core.CardAsync(line.Serial!);
            var shopper = TestCore.Account($"shopper-{line.Index}");
            var credited = (await core.BalanceAsync(shopper)).Gift.Amount;
            var givenBack = released.Where(e => e.OpKey == OpKeys.OrderRelease(orderId, line.LineId)).ToList();
            Assert.Null(line.SealedCode);
            if (line.Status == LineStatus.Redeemed)
            {
                Assert.Equal(CardStatus.Redeemed, card.Status);
                Assert.Empty(givenBack);
                Assert.Equal(line.Amount.Amount, credited);
                redeemedValue += line.Amount.Amount;
            }
            else
            {
                Assert.Equal((LineStatus.Cancelled, CardStatus.Cancelled), (line.Status, card.Status));
                Assert.Equal(line.Amount, Assert.Single(givenBack).Amount);
                Assert.Equal(0, credited);
            }
        }
        Assert.Equal(placed.Value.Total.Amount, redeemedValue + released.Sum(e => e.Amount.Amount));
        Assert.Equal(new Money(Funded - redeemedValue, "USD"), await core.AvailableAsync(Acme));
        var order = await core.OrderAsync(Acme, orderId);
        Assert.Equal(redeemedValue / 25_00, order.Counts.Redeemed);
        Assert.Empty(core.UnfinishedOrders.Entries);
        // A claim that lost to the cancellation leaves its index entry for the sweeper to drop.
        core.Clock.Advance(TestCore.SweepAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await core.SweepAsync()).Completed);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }
}
