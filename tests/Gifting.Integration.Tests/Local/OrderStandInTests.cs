using System.Net.Http.Headers;
using System.Text;
using Gifting.Functions.Auth;
using Gifting.Integration.Tests.Orders;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Local;

/// <summary>An order through the local stand-in: its chunks travel on the stand-in's order-chunks queue.</summary>
[Collection(CosmosCollection.Name)]
public sealed class OrderStandInTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task CsvOrder_ThroughTheStandIn_HasItsChunksCarriedToTheTrigger_AndEveryLineIssued()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = standIn.Address };
        var tokens = standIn.HandlerServices.GetRequiredService<LocalTokens>();
        var org = Api.NewId("org");
        Authorize(http, tokens.Issue("admin-1", ["admin"], "US", TimeProvider.System));
        Assert.Equal(201, (int)(await http.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 10_000_00, currency = "USD" }, reference = "PO-1" })).StatusCode);
        Authorize(http, tokens.Issue("buyer-1", ["corporate"], "US", TimeProvider.System, org));
        using var request = new HttpRequestMessage(HttpMethod.Post, OrderApp.CsvQuery())
        {
            Content = new StringContent(OrderBodies.Csv(250), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));

        using var placed = await http.SendAsync(request);
        Assert.Equal(202, (int)placed.StatusCode);
        await standIn.Queues.DrainAsync(TimeSpan.FromSeconds(60));

        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        var order = await (await http.GetAsync($"/api/orders/{orderId}")).JsonAsync();
        Assert.Equal(250, order.GetProperty("counts").GetProperty("issued").GetInt32());
        Assert.Equal("delivering", order.GetProperty("status").GetString());
        Assert.Empty((await (await http.GetAsync("/api/dev/queues/order-chunks/dead-letters")).JsonAsync())
            .GetProperty("items").EnumerateArray());
        Assert.Equal(200, (int)(await http.PostAsync("/api/dev/functions/SweepOrders/run", null)).StatusCode);
    }

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
