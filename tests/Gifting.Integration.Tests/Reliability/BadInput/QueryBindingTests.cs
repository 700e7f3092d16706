namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// A query parameter of the wrong type is <c>validation_failed</c>, whatever body the request carries: a route that
/// reads no body never answers <c>invalid_json</c>, which its description does not list.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class QueryBindingTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/api/balance/activity?limit=abc")]
    [InlineData("/api/balance/activity?limit=99999999999")]
    public async Task Get_WhenABadQueryComesWithAJsonBody_AnswersValidationFailedNotInvalidJson(string url)
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Content = new StringContent("{\"a\":1}", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await shopper.SendAsync(request);

        await response.AssertProblemAsync(400, "validation_failed");
    }
}
