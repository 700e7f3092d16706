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

    [Theory]
    [InlineData("text/plain", 415, "unsupported_media_type")]
    [InlineData("application/x-www-form-urlencoded", 415, "unsupported_media_type")]
    [InlineData(null, 400, "invalid_json")]
    public async Task Post_WithAnEmptyBody_AnswersACodeItsDescriptionLists_NotValidationFailed(
        string? contentType, int status, string code)
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/link-previews")
        {
            Content = new ByteArrayContent([]),
        };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await shopper.SendAsync(request);

        await response.AssertProblemAsync(status, code);
    }
}
