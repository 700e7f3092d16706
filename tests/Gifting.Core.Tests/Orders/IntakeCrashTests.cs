using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// An intake stopped at any of its writes is finished by the buyer's retry under the same key or, if none comes, by
/// the sweeper: accepted once and reserved once, or, when nothing was reserved, abandoned unseen.
/// </summary>
public sealed class IntakeCrashTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private const long Funded = 1_000_00;
    private const int LineCount = 10;

    public enum Boundary
    {
        AfterIndexEntry,
        AfterOrderCreate,
        AfterLines,
        AfterReservation,
        AfterAccept,
        PublishFails,
        AfterPublish,
    }

    public static TheoryData<Boundary> Boundaries() => [.. Enum.GetValues<Boundary>()];

    public static TheoryData<Boundary> Unreserved() =>
        [Boundary.AfterIndexEntry, Boundary.AfterOrderCreate, Boundary.AfterLines];

    public static TheoryData<Boundary> Reserved() =>
        [Boundary.AfterReservation, Boundary.AfterAccept, Boundary.PublishFails, Boundary.AfterPublish];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Intake_StoppedAtAnyWrite_IsFinishedByTheRetryOnce(Boundary boundary)
    {
        var core = await StopAsync(boundary);

        var retried = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
        await core.DeliverChunksAsync();

        Assert.Equal(OrderStatus.Accepted, retried.Value.Status);
        await AssertAcceptedOnceAsync(core, retried.Value.OrderId);
    }

    [Theory]
    [MemberData(nameof(Reserved))]
    public async Task Intake_StoppedAfterReserving_IsAcceptedAndSentByTheSweeper(Boundary boundary)
    {
        var core = await StopAsync(boundary);

        await OrderChecks.SweepAsync(core);
        await core.DeliverChunksAsync();
        var again = await OrderChecks.SweepAsync(core);

        await AssertAcceptedOnceAsync(core, OrderId());
        Assert.Equal(new OrderSweepSummary(0, 0, 0), again);
    }

    [Theory]
    [MemberData(nameof(Unreserved))]
    public async Task Intake_StoppedBeforeReserving_IsAbandonedUnseenByTheSweeper(Boundary boundary)
    {
        var core = await StopAsync(boundary);

        await OrderChecks.SweepAsync(core);

        var found = await core.GetOrder.ExecuteAsync(Acme, OrderId(), CancellationToken.None);
        Assert.Equal(ErrorCode.OrderNotFound, found.Failure!.Code);
        Assert.Empty((await core.GetOrder.ListAsync(Acme, 10, null, CancellationToken.None)).Items);
        Assert.Equal(new Money(Funded, "USD"), await core.AvailableAsync(Acme));
        Assert.Empty(OrderChecks.FundingOf(core, Acme, OrderId(), EntryType.Order));
        Assert.Empty(core.Publisher.Sent);
        Assert.Empty(core.UnfinishedOrders.Entries);
    }

    [Theory]
    [MemberData(nameof(Unreserved))]
    public async Task Intake_AbandonedBySweeper_IsTakenUpByALateRetry(Boundary boundary)
    {
        var core = await StopAsync(boundary);
        await OrderChecks.SweepAsync(core);

        var retried = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
        await core.DeliverChunksAsync();

        Assert.Equal(OrderStatus.Accepted, retried.Value.Status);
        await AssertAcceptedOnceAsync(core, retried.Value.OrderId);
    }

    [Fact]
    public async Task Intake_RetriedWhileSweeperRuns_IsAcceptedOnce()
    {
        var core = await StopAsync(Boundary.AfterReservation);
        core.Clock.Advance(TimeSpan.FromMinutes(10));

        await Task.WhenAll(
            Task.Run(() => core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount))),
            Task.Run(() => core.SweepOrders.ExecuteAsync(core.Clock.GetUtcNow(), CancellationToken.None)));
        await OrderChecks.DeliverThroughCrashesAsync(core);

        await AssertAcceptedOnceAsync(core, OrderId());
    }

    private static string OrderId() => PlaceOrder.OrderIdFor(Acme, "buyer-1", "key-1");

    /// <summary>An intake of a funded order that stops at <paramref name="boundary"/>.</summary>
    private static async Task<TestCore> StopAsync(Boundary boundary)
    {
        var builder = OrderChecks.Builder();
        CrashingOrderStore? crashing = null;
        IOrderStore Crash(IOrderStore inner, OrderWrite kind, int nth = 1, bool before = false) =>
            crashing = new CrashingOrderStore(inner, kind, nth, before);
        builder = boundary switch
        {
            Boundary.AfterIndexEntry => builder.WithOrderStore(s => Crash(s, OrderWrite.Create, before: true)),
            Boundary.AfterOrderCreate => builder.WithOrderStore(s => Crash(s, OrderWrite.Create)),
            Boundary.AfterLines => builder.WithOrderStore(s => Crash(s, OrderWrite.Lines)),
            Boundary.AfterReservation => builder.WithOrderStore(s => Crash(s, OrderWrite.Replace, before: true)),
            Boundary.AfterAccept => builder.WithOrderStore(s => Crash(s, OrderWrite.Replace)),
            Boundary.AfterPublish => builder.WithOrderStore(s => Crash(s, OrderWrite.Replace, 2, before: true)),
            _ => builder,
        };
        var core = builder.Build();
        await core.AddFundingAsync(Acme, Funded, "fund-1");
        if (boundary == Boundary.PublishFails)
        {
            core.Publisher.FailNext();
            var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
            Assert.Equal(OrderStatus.Accepted, placed.Value.Status);
            Assert.Empty(core.Publisher.Sent);
        }
        else
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(
                () => core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount)));
            Assert.True(crashing!.Crashed);
        }
        return core;
    }

    private static async Task AssertAcceptedOnceAsync(TestCore core, string orderId)
    {
        await OrderChecks.AssertIssuedOnceAsync(core, Acme, orderId, LineCount);
        Assert.Equal(new Money(Funded - (LineCount * 25_00), "USD"), await core.AvailableAsync(Acme));
        Assert.Single((await core.GetOrder.ListAsync(Acme, 10, null, CancellationToken.None)).Items);
        Assert.Empty(core.UnfinishedOrders.Entries);
        Assert.Empty(core.Publisher.Sent);
    }
}
