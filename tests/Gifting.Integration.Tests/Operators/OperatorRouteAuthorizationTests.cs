using Gifting.Functions.Auth;

namespace Gifting.Integration.Tests.Operators;

/// <summary>
/// Every operator route, called with a token of every role: only the contract's roles get past authorisation (to the
/// route's own answer for a missing object), every other role gets 403, and no token gets 401.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OperatorRouteAuthorizationTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos,
        services => services.AddSingleton<Gifting.Core.Messaging.IMessagePublisher>(
            new Gifting.Testing.RecordingPublisher()));

    public void Dispose() => _app.Dispose();

    /// <summary>Method, path, body, the roles admitted, and what an admitted role gets (status, code).</summary>
    public static TheoryData<string, string, string?, string[], int, string?> Routes => new()
    {
        { "GET", "/api/accounts/nobody-1/balance", null, ["support", "admin"], 200, null },
        { "GET", "/api/accounts/nobody-1/activity", null, ["support", "admin"], 200, null },
        { "GET", "/api/cards/0000000000000001/history", null, ["support", "admin"], 404, "card_not_found" },
        { "GET", "/api/operations/rejected-messages?limit=1", null, ["support", "admin"], 200, null },
        {
            "POST", "/api/operations/rejected-messages/20261202.refunds.none/replay", null, ["admin"], 404,
            "not_found"
        },
        { "GET", "/api/reports/liability?marketplace=US", null, ["finance", "admin"], 200, null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OperatorRoute_AdmitsOnlyItsRoles(
        string method, string path, string? body, string[] admitted, int status, string? code)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        foreach (var role in Roles.All)
        {
            using var response = await SendAsync(_app.ClientFor("person-1", role), method, path, body);
            if (!admitted.Contains(role))
            {
                Assert.True(403 == (int)response.StatusCode, $"{role} on {method} {path}: {(int)response.StatusCode}");
                continue;
            }
            if (code is null)
                Assert.True(status == (int)response.StatusCode,
                    $"{role} on {method} {path}: {(int)response.StatusCode} "
                    + await response.Content.ReadAsStringAsync());
            else
                await response.AssertProblemAsync(status, code);
        }
        using var anonymous = await SendAsync(_app.CreateClient(), method, path, body);
        Assert.Equal(401, (int)anonymous.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }
}
