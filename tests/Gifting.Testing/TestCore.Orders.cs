using System.Text.Json;
using Gifting.Core;
using Gifting.Core.Delivery;
using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>Corporate orders, with shorthands that fill in what a test does not care about.</summary>
public sealed partial class TestCore
{
    public InMemoryOrderStore Orders { get; init; } = new();
    public InMemoryUnfinishedOrderIndex UnfinishedOrders { get; init; } = new();
    public RecordingPublisher Publisher { get; init; } = new();
    public InMemoryLinkIndex Links { get; init; } = new();
    public RecordingSenders Senders { get; init; } = new();
    public DeliverLine DeliverLine => Get<DeliverLine>();
    public ResendLine ResendLine => Get<ResendLine>();
    public PlaceOrder PlaceOrder => Get<PlaceOrder>();
    public ProcessOrderChunk ProcessOrderChunk => Get<ProcessOrderChunk>();
    public CancelOrder CancelOrder => Get<CancelOrder>();
    public SweepOrders SweepOrders => Get<SweepOrders>();
    public GetOrder GetOrder => Get<GetOrder>();

    /// <summary><paramref name="count"/> email lines of <paramref name="amount"/>, numbered as in a CSV.</summary>
    public static IReadOnlyList<OrderLine> Lines(int count, long amount = 25_00, string currency = "USD") =>
        Enumerable.Range(0, count).Select(i => new OrderLine(i + 2, $"Recipient {i}", $"r{i}@example.com", null,
            DeliveryChannel.Email, new Money(amount, currency), null)).ToList();

    public Task<Result<Order>> PlaceAsync(
        OrgId org, string key, IReadOnlyList<OrderLine> lines, string marketplace = "US", string buyer = "buyer-1") =>
        PlaceOrder.ExecuteAsync(new PlaceOrderCommand(org, buyer, Core.Orders.PlaceOrder.OrderIdFor(org, buyer, key),
            Marketplace.Parse(marketplace), "PO-1", "Acme HR", null, lines), CancellationToken.None);

    /// <summary>
    /// Handles every chunk message sent so far, as the queue's trigger would, until none is left; the runs.
    /// </summary>
    public async Task<IReadOnlyList<ChunkSummary>> DeliverChunksAsync()
    {
        var runs = new List<ChunkSummary>();
        while (Publisher.Drain() is { Count: > 0 } messages)
        {
            foreach (var message in messages.Where(m => m.Queue == OrderChunks.Queue))
            {
                var result = await ProcessOrderChunk.ExecuteAsync(ChunkOf(message.Body), CancellationToken.None);
                runs.Add(result.Value);
            }
        }
        return runs;
    }

    /// <summary>The chunk messages sent so far, forgotten by the publisher with everything else it was given.</summary>
    public IReadOnlyList<Core.Messaging.OutgoingMessage> DrainChunks() =>
        Publisher.Drain().Where(m => m.Queue == OrderChunks.Queue).ToList();

    public static OrderChunkCommand ChunkOf(ReadOnlyMemory<byte> body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new OrderChunkCommand(OrgId.Parse(root.GetProperty("org").GetString()!),
            root.GetProperty("orderId").GetString()!, root.GetProperty("chunk").GetInt32());
    }

    public async Task<Order> OrderAsync(OrgId org, string orderId) =>
        (await GetOrder.ExecuteAsync(org, orderId, CancellationToken.None)).Value;
}
