using System.Text;
using static Gifting.Integration.Tests.Orders.OrderApp;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class OrderValidationTests(CosmosFixture cosmos) : IDisposable
{
    private readonly OrderApp _orders = new(cosmos);

    public void Dispose() => _orders.Dispose();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Order_InAnotherContentType_IsUnsupported(string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CsvQuery())
        {
            Content = new StringContent(OrderBodies.Csv(1), Encoding.UTF8, contentType),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));

        using var response = await _orders.Buyer(Api.NewId("org")).SendAsync(request);

        await response.AssertProblemAsync(415, "unsupported_media_type");
    }

    [Fact]
    public async Task CsvOrder_WithABadLine9999Of10000_ListsItAndStoresNothing()
    {
        var org = await _orders.FundedOrgAsync(1_000_000_00);
        var buyer = _orders.Buyer(org);
        var csv = new StringBuilder(OrderBodies.Header).Append('\n');
        for (var i = 1; i <= 10_000; i++)
            csv.Append(i == 9_998 ? "Bad,not-an-email,,email,25.00,USD," : OrderBodies.GoodCsvLine(i)).Append('\n');

        using var response = await PostCsvAsync(buyer, csv.ToString(), Api.NewId("order"));

        var problem = await response.AssertProblemAsync(400, "validation_failed");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(9_999, error.GetProperty("line").GetInt32());
        Assert.Equal("email", error.GetProperty("field").GetString());
        Assert.Empty((await (await buyer.GetAsync("/api/orders")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty(_orders.Publisher.Sent);
        Assert.Equal(1_000_000_00, await _orders.AvailableAsync(org));
    }

    [Fact]
    public async Task JsonOrder_WithShapeAndAmountErrors_ListsThemByLine()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var lines = new[]
        {
            OrderBodies.GoodJsonLine(1),
            """{"recipientName":"A","email":"a@example.com","channel":"email",""" +
            """ "amount":{"amount":-5,"currency":"USD"}}""",
            """{"recipientName":"B","channel":"sms","amount":{"amount":100,"currency":"USD"}}""",
        };

        using var response = await _orders.Buyer(org).PostRawAsync(
            "/api/orders", OrderBodies.JsonOrder(lines), Api.NewId("order"));

        var problem = await response.AssertProblemAsync(400, "validation_failed");
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["amount", "phone"], errors.Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(1_000_00, await _orders.AvailableAsync(org));
    }

    [Fact]
    public async Task CsvOrder_Of10001Lines_IsTooLarge()
    {
        var org = await _orders.FundedOrgAsync(1_000_000_00);

        using var response = await PostCsvAsync(_orders.Buyer(org), OrderBodies.Csv(10_001), Api.NewId("order"));

        await response.AssertProblemAsync(413, "payload_too_large");
    }
}
