using System.Diagnostics;
using System.Security.Cryptography;
using Gifting.Core;
using Gifting.Core.Orders;
using Gifting.Infra.Cosmos;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Orders;

/// <summary>The order store against the emulator: what core relies on, write by write.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosOrderStoreTests(CosmosFixture cosmos, ITestOutputHelper output)
{
    private readonly CosmosOrderStore _store = new(cosmos.Containers());
    private readonly OrgId _org = OrgId.Parse(Api.NewId("org"));

    [Fact]
    public async Task Create_WhenTheIdIsTaken_AnswersTheStoredOrder()
    {
        var first = await _store.CreateAsync(NewOrder(), CancellationToken.None);

        var second = await _store.CreateAsync(NewOrder(first.Order.OrderId) with { SenderName = "Other" },
            CancellationToken.None);

        Assert.Equal(first.Order.SenderName, second.Order.SenderName);
        Assert.Equal(first.Order.Salt, second.Order.Salt);
    }

    [Fact]
    public async Task Read_UnderAnotherOrg_FindsNothing()
    {
        var stored = await _store.CreateAsync(NewOrder(), CancellationToken.None);

        var found = await _store.ReadAsync(OrgId.Parse(Api.NewId("org")), stored.Order.OrderId,
            CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task Replace_AtAStaleETag_ChangesNothing()
    {
        var stored = await _store.CreateAsync(NewOrder(), CancellationToken.None);
        var accepted = stored.Order with { Status = OrderStatus.Accepted };
        Assert.NotNull(await _store.TryReplaceAsync(accepted, stored.ETag, CancellationToken.None));

        var stale = await _store.TryReplaceAsync(
            stored.Order with { Status = OrderStatus.Abandoned }, stored.ETag, CancellationToken.None);

        Assert.Null(stale);
        Assert.Equal(OrderStatus.Accepted, (await ReadAsync(stored.Order.OrderId)).Status);
    }

    [Fact]
    public async Task CountOnce_RacedUnderOneMark_CountsOnceAndAReplaceKeepsTheCount()
    {
        var stored = await _store.CreateAsync(NewOrder(), CancellationToken.None);
        var id = stored.Order.OrderId;

        var counted = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _store.CountOnceAsync(
            _org, id, "issued-0", OrderCounts.None with { Issued = 100 }, CancellationToken.None)));
        await _store.CountOnceAsync(_org, id, "redeemed-00001", OrderCounts.None with { Redeemed = 1 },
            CancellationToken.None);
        var read = await _store.ReadAsync(_org, id, CancellationToken.None);
        await _store.TryReplaceAsync(read!.Order with { Status = OrderStatus.Cancelled }, read.ETag,
            CancellationToken.None);

        Assert.Equal(1, counted.Count(c => c));
        var order = await ReadAsync(id);
        Assert.Equal(new OrderCounts(100, 0, 0, 1), order.Counts);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public async Task ForgetMark_LetsTheMarkCountAgain_AndForgettingTwiceIsHarmless()
    {
        var id = (await _store.CreateAsync(NewOrder(), CancellationToken.None)).Order.OrderId;
        var one = OrderCounts.None with { Sent = 1 };
        await _store.CountOnceAsync(_org, id, "sent-00001", one, CancellationToken.None);

        await _store.ForgetMarkAsync(_org, id, "sent-00001", CancellationToken.None);
        await _store.ForgetMarkAsync(_org, id, "sent-00001", CancellationToken.None);
        var again = await _store.CountOnceAsync(_org, id, "sent-00001", one, CancellationToken.None);

        Assert.True(again);
        Assert.Equal(2, (await ReadAsync(id)).Counts.Sent);
    }

    [Fact]
    public async Task List_ShowsOnlyVisibleOrders_NewestFirst_InPages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var order = NewOrder() with
            {
                Status = i == 2 ? OrderStatus.Intake : OrderStatus.Accepted,
                CreatedAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + i),
            };
            ids.Add((await _store.CreateAsync(order, CancellationToken.None)).Order.OrderId);
        }

        var first = await _store.ListAsync(_org, 2, null, CancellationToken.None);
        var second = await _store.ListAsync(_org, 2, first.NextCursor, CancellationToken.None);

        Assert.Equal([ids[4], ids[3]], first.Items.Select(o => o.OrderId));
        Assert.Equal([ids[1], ids[0]], second.Items.Select(o => o.OrderId));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Lines_WrittenTwice_AreStoredOnce_AndReadByRange()
    {
        var order = (await _store.CreateAsync(NewOrder(), CancellationToken.None)).Order;
        var lines = LinesOf(order, 250);
        var clock = Stopwatch.StartNew();

        await _store.WriteLinesAsync(lines, CancellationToken.None);
        output.WriteLine($"250 lines written in {clock.ElapsedMilliseconds} ms");
        await _store.WriteLinesAsync(lines.Take(10).Select(l => l with { RecipientName = "Changed" }).ToList(),
            CancellationToken.None);

        var chunk = await _store.ReadLinesAsync(order.OrderId, 100, 200, CancellationToken.None);
        Assert.Equal(Enumerable.Range(100, 100), chunk.Select(s => s.Line.Index));
        Assert.Equal("Recipient 0", (await _store.ReadLineAsync(order.OrderId, 0, CancellationToken.None))!
            .Line.RecipientName);
        var page = await _store.ListLinesAsync(order.OrderId, 100, "200", CancellationToken.None);
        Assert.Equal(50, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Line_ReplacedAtAStaleETag_ChangesNothing_AndKeepsItsSealedCode()
    {
        var order = (await _store.CreateAsync(NewOrder(), CancellationToken.None)).Order;
        await _store.WriteLinesAsync(LinesOf(order, 1), CancellationToken.None);
        var stored = (await _store.ReadLinesAsync(order.OrderId, 0, 1, CancellationToken.None)).Single();
        var sealedCode = new Gifting.Core.Codes.EncryptedCode(1, RandomNumberGenerator.GetBytes(12),
            RandomNumberGenerator.GetBytes(15), RandomNumberGenerator.GetBytes(16));
        var recorded = stored.Line with { SealedCode = sealedCode, CodeHash = "h", CardId = "c", Serial = "s" };
        Assert.NotNull(await _store.TryReplaceLineAsync(recorded, stored.ETag, CancellationToken.None));

        var stale = await _store.TryReplaceLineAsync(
            stored.Line with { Status = LineStatus.Cancelled }, stored.ETag, CancellationToken.None);

        Assert.Null(stale);
        var line = (await _store.ReadLineAsync(order.OrderId, 0, CancellationToken.None))!.Line;
        Assert.Equal(LineStatus.Pending, line.Status);
        Assert.Equal(sealedCode.Ciphertext, line.SealedCode!.Ciphertext);
    }

    private async Task<Order> ReadAsync(string orderId) =>
        (await _store.ReadAsync(_org, orderId, CancellationToken.None))!.Order;

    private Order NewOrder(string? orderId = null) => new()
    {
        OrderId = orderId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        Org = _org,
        Status = OrderStatus.Intake,
        Marketplace = Marketplace.Parse("US"),
        SenderName = "Acme HR",
        Total = new Gifting.Core.Money(100_00, "USD"),
        LineCount = 4,
        ChunkSize = 100,
        Salt = RandomNumberGenerator.GetBytes(32),
        CreatedAt = DateTimeOffset.UtcNow,
        CreatedBy = "buyer-1",
        Fingerprint = "f",
    };

    private static List<GiftLine> LinesOf(Order order, int count) => Enumerable.Range(0, count).Select(i =>
        new GiftLine
        {
            OrderId = order.OrderId, Org = order.Org, Index = i, Number = i + 2, RecipientName = $"Recipient {i}",
            Email = $"r{i}@example.com", Channel = DeliveryChannel.Email, Amount = new Gifting.Core.Money(25_00, "USD"),
            Status = LineStatus.Pending,
        }).ToList();
}
