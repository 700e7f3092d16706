using Gifting.Core.Ledger;
using Gifting.Core.Funding;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// Copies of one chunk message handled at once issue each line once; orders racing for one org's funding never take
/// more than it holds.
/// </summary>
public sealed class OrderConcurrencyTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    [Fact]
    public async Task Chunk_DeliveredManyTimesAtOnce_IssuesOneCardPerLineAndCountsOnce()
    {
        var core = OrderChecks.Builder().Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(12));
        var messages = core.DrainChunks();

        await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => messages).Select(m =>
            Task.Run(() => core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(m.Body), CancellationToken.None))));

        await OrderChecks.AssertIssuedOnceAsync(core, Acme, placed.Value.OrderId, 12);
        Assert.Equal(["issued-0", "issued-1", "issued-2"], core.Orders.MarksOf(Acme, placed.Value.OrderId));
    }

    [Fact]
    public async Task Chunk_DeliveredTwiceInTurn_IssuesNothingMore()
    {
        var core = OrderChecks.Builder().Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));
        var messages = core.Publisher.Sent;
        await core.DeliverChunksAsync();
        var first = OrderChecks.LinesOf(core, placed.Value.OrderId);

        foreach (var message in messages)
        {
            var again = await core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(message.Body), default);
            Assert.True(again.Succeeded);
        }

        await OrderChecks.AssertIssuedOnceAsync(core, Acme, placed.Value.OrderId, 6);
        Assert.Equal(first.Select(l => (l.CardId, l.CodeHash, l.IssuedAt)),
            OrderChecks.LinesOf(core, placed.Value.OrderId).Select(l => (l.CardId, l.CodeHash, l.IssuedAt)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Orders_RacingForTheFunding_NeverTakeMoreThanItHolds(int seed)
    {
        var core = OrderChecks.Builder().Build();
        const long funded = 500_00;
        await core.AddFundingAsync(Acme, funded, "fund-1");
        var sizes = Enumerable.Range(0, 12).Select(i => 1 + ((i * 7 + seed) % 5)).ToList();

        var results = await Task.WhenAll(sizes.Select((size, i) =>
            Task.Run(() => core.PlaceAsync(Acme, $"key-{i}", TestCore.Lines(size, 20_00)))));

        var accepted = results.Where(r => r.Succeeded).Select(r => r.Value).ToList();
        Assert.NotEmpty(accepted);
        Assert.Contains(results, r => !r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded),
            r => Assert.Equal(ErrorCode.InsufficientFunds, r.Failure!.Code));
        var taken = accepted.Sum(o => o.Total.Amount);
        Assert.InRange(taken, 1, funded);
        Assert.Equal(new Money(funded - taken, "USD"), await core.AvailableAsync(Acme));
        Assert.All(core.Funding.Entries(FundingLedger.AccountOf(Acme)), e => Assert.True(e.After.Gift >= 0));
        Assert.Equal(accepted.Count, core.Funding.Entries(FundingLedger.AccountOf(Acme))
            .Count(e => e.Type == EntryType.Order));

        var listed = (await core.GetOrder.ListAsync(Acme, 100, null, CancellationToken.None)).Items;
        Assert.Equal(accepted.Select(o => o.OrderId).Order(), listed.Select(o => o.OrderId).Order());
        foreach (var refused in sizes.Select((_, i) => $"key-{i}")
                     .Select(k => PlaceOrder.OrderIdFor(Acme, "buyer-1", k))
                     .Where(id => accepted.All(o => o.OrderId != id)))
        {
            var found = await core.GetOrder.ExecuteAsync(Acme, refused, CancellationToken.None);
            Assert.Equal(ErrorCode.OrderNotFound, found.Failure!.Code);
        }
        await core.DeliverChunksAsync();
        Assert.Equal(accepted.Sum(o => o.LineCount), core.Cards.Cards.Count);
        Assert.Empty(core.UnfinishedOrders.Entries);
    }
}
