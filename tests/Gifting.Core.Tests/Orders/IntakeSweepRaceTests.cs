using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// An intake slow enough for the sweeper to take it for stopped: the sweeper abandons it while its funding is still
/// being reserved, the reservation wins, and the order's messages are still sent once, by the run or the sweeper.
/// </summary>
public sealed class IntakeSweepRaceTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    public enum Afterwards
    {
        Sends,
        SendFails,
        CrashesAfterAccepting,
    }

    [Theory]
    [InlineData(Afterwards.Sends)]
    [InlineData(Afterwards.SendFails)]
    [InlineData(Afterwards.CrashesAfterAccepting)]
    public async Task Intake_AbandonedBySweeperWhileReserving_IsAcceptedAndIssuedOnce(Afterwards afterwards)
    {
        PausedReservation? paused = null;
        var builder = OrderChecks.Builder().WithFundingStore(s => paused = new PausedReservation(s));
        if (afterwards == Afterwards.CrashesAfterAccepting)
            builder = builder.WithOrderStore(s => new CrashingOrderStore(s, OrderWrite.Replace)
            {
                OrderMatches = o => o.Status == OrderStatus.Accepted,
            });
        var core = builder.Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placing = Task.Run(() => core.PlaceAsync(Acme, "key-1", TestCore.Lines(10)));
        await paused!.Reached.Task;

        var swept = await OrderChecks.SweepAsync(core);
        if (afterwards == Afterwards.SendFails) core.Publisher.FailNext();
        paused.Go.SetResult();
        if (afterwards == Afterwards.CrashesAfterAccepting)
            await Assert.ThrowsAsync<SimulatedCrashException>(() => placing);
        else Assert.Equal(OrderStatus.Accepted, (await placing).Value.Status);
        await OrderChecks.SweepAsync(core);
        await core.DeliverChunksAsync();

        Assert.Equal(1, swept.Abandoned);
        await OrderChecks.AssertIssuedOnceAsync(core, Acme, PlaceOrder.OrderIdFor(Acme, "buyer-1", "key-1"), 10);
        Assert.Equal(new Money(750_00, "USD"), await core.AvailableAsync(Acme));
        Assert.Empty(core.UnfinishedOrders.Entries);
    }

    /// <summary>Holds an order's reservation just before it is written, until told to go on.</summary>
    private sealed class PausedReservation(ILedgerStore inner) : DelegatingLedgerStore(inner)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
        {
            if (entry.Type == EntryType.Order)
            {
                Reached.TrySetResult();
                await Go.Task.WaitAsync(cancellationToken);
            }
            return await base.TryAppendAsync(entry, cancellationToken);
        }
    }
}
