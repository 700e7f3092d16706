using System.Net.Http.Headers;
using System.Text;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// Bodies are UTF-8: a body declared in another or an unknown charset is refused with 415 before anything reads it,
/// and an order whose JSON holds bytes that are not UTF-8, or an escaped lone surrogate, is 400 <c>invalid_json</c>.
/// Both were 500s, found by the fuzzer.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class BodyEncodingTests(CosmosFixture cosmos) : IDisposable
{
    private readonly OrderApp _orders = new(cosmos);

    public void Dispose() => _orders.Dispose();

    [Theory]
    [InlineData("\"\"")]
    [InlineData("latin1")]
    [InlineData("utf-16")]
    [InlineData("no-such-charset")]
    public async Task JsonBody_InACharsetOtherThanUtf8_Answers415AndChangesNothing(string charset)
    {
        var shopper = _orders.App.ClientFor(Api.NewId("shopper"), "customer");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/balance/preferences")
        {
            Content = new ByteArrayContent("{\"applyToOrders\":false,\"applyToSubscriptions\":true}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        using var response = await shopper.SendAsync(request);
        var preferences = await (await shopper.GetAsync("/api/balance/preferences")).JsonAsync();

        await response.AssertProblemAsync(415, "unsupported_media_type");
        Assert.True(preferences.GetProperty("applyToOrders").GetBoolean());
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    [InlineData("\"utf-8\"")]
    public async Task JsonBody_DeclaredUtf8InAnySpelling_IsRead(string charset)
    {
        var shopper = _orders.App.ClientFor(Api.NewId("shopper"), "customer");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/balance/preferences")
        {
            Content = new ByteArrayContent("{\"applyToOrders\":false,\"applyToSubscriptions\":true}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        using var response = await shopper.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task JsonOrder_WithTextThatIsNotUtf8_Answers400InvalidJsonAndTakesNoFunds(byte[] bad)
    {
        var org = await _orders.FundedOrgAsync(10_000);
        var before = Encoding.UTF8.GetBytes("{\"externalRef\":\"po-1\",\"marketplace\":\"US\","
            + "\"senderName\":\"People\",\"lines\":[{\"recipientName\":\"");
        var after = Encoding.UTF8.GetBytes("\",\"email\":\"r@example.com\",\"channel\":\"email\","
            + "\"amount\":{\"amount\":2500,\"currency\":\"USD\"}}]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = new ByteArrayContent([.. before, .. bad, .. after]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));

        using var response = await _orders.Buyer(org).SendAsync(request);

        await response.AssertProblemAsync(400, "invalid_json");
        Assert.Equal(10_000, await _orders.AvailableAsync(org));
    }
}
