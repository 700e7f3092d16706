using Gifting.Core;
using Gifting.Core.Orders;
using Gifting.Infra.Cosmos;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class CosmosUnfinishedOrderIndexTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Due_AnswersWhatBeganByThenOldestFirst_AndForgetsWhatWasRemoved()
    {
        var index = new CosmosUnfinishedOrderIndex(cosmos.Containers());
        // Entries here begin in the past, which real work never does: a sweep another test ran may have moved the
        // watermark past their hour, so the index is read from its first look-back, as on its first run.
        await ForgetWatermarkAsync();
        var org = OrgId.Parse(Api.NewId("org"));
        var now = DateTimeOffset.UtcNow;
        var old = new UnfinishedOrder(org, Api.NewId("order"), now.AddMinutes(-30));
        var older = new UnfinishedOrder(org, Api.NewId("order"), now.AddMinutes(-40));
        var young = new UnfinishedOrder(org, Api.NewId("order"), now);
        foreach (var entry in new[] { old, older, young, old }) await index.AddAsync(entry, CancellationToken.None);

        var due = await index.DueAsync(now.AddMinutes(-10), 100, CancellationToken.None);
        await index.RemoveAsync(older, CancellationToken.None);
        await index.RemoveAsync(older, CancellationToken.None);
        var after = await index.DueAsync(now.AddMinutes(-10), 100, CancellationToken.None);

        var ours = due.Where(e => e.Org == org).Select(e => e.OrderId).ToList();
        Assert.Equal([older.OrderId, old.OrderId], ours);
        Assert.Equal([old.OrderId], after.Where(e => e.Org == org).Select(e => e.OrderId));
    }

    private async Task ForgetWatermarkAsync()
    {
        try
        {
            await cosmos.Containers().Expiries.DeleteItemAsync<object>(
                "orders-watermark", new Microsoft.Azure.Cosmos.PartitionKey("orders-watermark"));
        }
        catch (Microsoft.Azure.Cosmos.CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // No sweep has run yet.
        }
    }
}
