using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// The idempotency key names the order: asked again, it is the same order; asked with other lines, a mismatch.
/// </summary>
public sealed class OrderReplayTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = OrderChecks.Builder().Build();

    [Fact]
    public async Task Order_ReplayedWithTheSameLines_IsTheSameOrderAndAddsNothing()
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var first = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));
        await _core.DeliverChunksAsync();

        var again = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));
        var runs = await _core.DeliverChunksAsync();

        Assert.Equal(first.Value.OrderId, again.Value.OrderId);
        Assert.Equal(first.Value.Salt, again.Value.Salt);
        Assert.Empty(runs);
        await OrderChecks.AssertIssuedOnceAsync(_core, Acme, first.Value.OrderId, 6);
        Assert.Equal(new Money(850_00, "USD"), await _core.AvailableAsync(Acme));
        Assert.Single((await _core.GetOrder.ListAsync(Acme, 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Order_ReplayedWithOtherLines_AnswersIdempotencyKeyMismatch()
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var first = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));

        var other = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(6, amount: 30_00));
        var fewer = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(5));

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, other.Failure!.Code);
        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, fewer.Failure!.Code);
        Assert.Single(OrderChecks.FundingOf(_core, Acme, first.Value.OrderId, EntryType.Order));
        Assert.Equal(new Money(850_00, "USD"), await _core.AvailableAsync(Acme));
        Assert.Equal(6, _core.Orders.Lines.Count);
    }

    [Fact]
    public async Task Order_ReplayedWithOtherLinesAfterACrash_AnswersIdempotencyKeyMismatchAndKeepsTheFirst()
    {
        var core = OrderChecks.Builder().WithOrderStore(s => new CrashingOrderStore(s, OrderWrite.Lines)).Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.PlaceAsync(Acme, "key-1", TestCore.Lines(6)));

        var other = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(7));
        var same = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));
        await core.DeliverChunksAsync();

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, other.Failure!.Code);
        await OrderChecks.AssertIssuedOnceAsync(core, Acme, same.Value.OrderId, 6);
    }

    [Fact]
    public async Task Order_SameKeyFromAnotherBuyer_IsAnotherOrder()
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");

        var first = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(2));
        var second = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(3), buyer: "buyer-2");

        Assert.NotEqual(first.Value.OrderId, second.Value.OrderId);
        Assert.Equal(new Money(875_00, "USD"), await _core.AvailableAsync(Acme));
    }
}
