using System.Text.Json;
using Gifting.Core.Delivery;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Delivery;

public sealed class DeliverLineTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = new CoreBuilder().WithOrderLimits(OrderLimits.Default with { ChunkSize = 4 })
        .Build();

    [Fact]
    public async Task EveryLine_DeliveredTwiceAndConcurrently_IsSentOnceAndCountedOnce()
    {
        var (orderId, deliveries) = await IssueAsync(6);

        var outcomes = await Task.WhenAll(deliveries.Concat(deliveries).Concat(deliveries)
            .Select(d => Task.Run(() => DeliverAsync(d))));

        Assert.Equal(6, _core.Senders.Sent.Count);
        Assert.Equal(6, _core.Senders.Sent.Select(s => s.DeliveryId).Distinct().Count());
        Assert.Equal(6, outcomes.Count(o => o.Outcome == DeliveryOutcome.Sent));
        var order = await _core.OrderAsync(Acme, orderId);
        Assert.Equal(6, order.Counts.Sent);
        Assert.Equal(OrderStatus.Completed, order.Progress());
        Assert.All(_core.Orders.Lines, l => Assert.Equal(LineStatus.Sent, l.Status));
    }

    [Fact]
    public async Task Delivery_ThrottledThenAccepted_IsSentOnce()
    {
        var (orderId, deliveries) = await IssueAsync(1);
        _core.Senders.Answer(new SendResult(SendOutcome.Transient, "429", TimeSpan.FromSeconds(2)));

        var first = await DeliverAsync(deliveries[0]);
        var second = await DeliverAsync(deliveries[0]);

        Assert.Equal(DeliveryOutcome.Transient, first.Outcome);
        Assert.Equal(DeliveryOutcome.Sent, second.Outcome);
        Assert.Single(_core.Senders.Sent);
        Assert.Equal(1, (await _core.OrderAsync(Acme, orderId)).Counts.Sent);
    }

    [Fact]
    public async Task Delivery_RefusedForGood_FailsTheLineWithItsReason()
    {
        var (orderId, deliveries) = await IssueAsync(2);
        _core.Senders.Answer(new SendResult(SendOutcome.Permanent, "InvalidRecipient: the address was rejected."));

        await DeliverAsync(deliveries[0]);
        await DeliverAsync(deliveries[1]);
        await DeliverAsync(deliveries[0]);

        var order = await _core.OrderAsync(Acme, orderId);
        Assert.Equal((1, 1), (order.Counts.Sent, order.Counts.Failed));
        Assert.Equal(OrderStatus.CompletedWithFailures, order.Progress());
        var failed = _core.Orders.Lines.Single(l => l.Status == LineStatus.Failed);
        Assert.Equal("InvalidRecipient: the address was rejected.", failed.FailureReason);
    }

    [Fact]
    public async Task Delivery_WhoseRunStoppedAfterSending_IsSentAgainUnderTheSameIdOnceTheClaimLapses()
    {
        var (orderId, deliveries) = await IssueAsync(1);
        var line = _core.Orders.Lines.Single();
        var stored = (await _core.Orders.ReadLineAsync(orderId, 0, CancellationToken.None))!;
        // A run that claimed the delivery and then stopped: its claim stands, and nothing recorded the send.
        var claimed = line with
        {
            ClaimedDelivery = GiftDeliveries.IdOf(line, 0), ClaimedAt = _core.Clock.GetUtcNow(),
            FirstClaimedAt = _core.Clock.GetUtcNow(),
        };
        Assert.NotNull(await _core.Orders.TryReplaceLineAsync(claimed, stored.ETag, CancellationToken.None));

        var whileClaimed = await DeliverAsync(deliveries[0]);
        _core.Clock.Advance(DeliverySettings.Default.ClaimLease + TimeSpan.FromSeconds(1));
        var afterwards = await DeliverAsync(deliveries[0]);

        Assert.Equal(DeliveryOutcome.Busy, whileClaimed.Outcome);
        Assert.Equal(DeliveryOutcome.Sent, afterwards.Outcome);
        Assert.Equal([GiftDeliveries.IdOf(line, 0)], _core.Senders.Sent.Select(s => s.DeliveryId));
        Assert.Equal(1, (await _core.OrderAsync(Acme, orderId)).Counts.Sent);
    }

    [Fact]
    public async Task Resend_IsSpacedAndCountsNothingMore()
    {
        var (orderId, deliveries) = await IssueAsync(1);
        await DeliverAsync(deliveries[0]);
        var command = new ResendCommand(Acme, orderId, "00001");

        var tooSoon = await _core.ResendLine.ExecuteAsync(command, CancellationToken.None);
        _core.Clock.Advance(TimeSpan.FromSeconds(30));
        var resent = await _core.ResendLine.ExecuteAsync(command, CancellationToken.None);
        var message = Assert.Single(_core.Publisher.Drain());
        await DeliverAsync(message);

        Assert.Equal(ErrorCode.ResendTooSoon, tooSoon.Failure!.Code);
        Assert.Equal($"{orderId}-00001-1", resent.Value);
        Assert.Equal(2, _core.Senders.Sent.Count);
        Assert.Equal(1, (await _core.OrderAsync(Acme, orderId)).Counts.Sent);
    }

    [Fact]
    public async Task Delivery_OfACancelledOrdersLine_SendsNothing()
    {
        var (orderId, deliveries) = await IssueAsync(2);
        await _core.CancelOrder.ExecuteAsync(new CancelOrderCommand(Acme, orderId, "buyer-1"), CancellationToken.None);
        await _core.DeliverChunksAsync();

        var outcome = await DeliverAsync(deliveries[0]);

        Assert.Equal(DeliveryOutcome.NothingToDo, outcome.Outcome);
        Assert.Empty(_core.Senders.Sent);
    }

    private async Task<(string OrderId, IReadOnlyList<OutgoingMessage> Deliveries)> IssueAsync(int lines)
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(lines));
        foreach (var chunk in _core.DrainChunks())
            await _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(chunk.Body), CancellationToken.None);
        var deliveries = _core.Publisher.Drain().Where(m => m.Queue == GiftDeliveries.Queue).ToList();
        Assert.Equal(lines, deliveries.Count);
        return (placed.Value.OrderId, deliveries);
    }

    private async Task<Delivered> DeliverAsync(OutgoingMessage message)
    {
        using var body = JsonDocument.Parse(message.Body);
        var root = body.RootElement;
        var command = new DeliverCommand(root.GetProperty("orderId").GetString()!,
            root.GetProperty("lineId").GetString()!, root.GetProperty("deliveryId").GetString()!);
        return (await _core.DeliverLine.ExecuteAsync(command, CancellationToken.None)).Value;
    }
}
