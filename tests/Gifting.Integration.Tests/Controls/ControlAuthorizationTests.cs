using Gifting.Functions.Auth;

namespace Gifting.Integration.Tests.Controls;

/// <summary>Every new route, called by every role: only the contract's roles get past authorization.</summary>
[Collection(CosmosCollection.Name)]
public sealed class ControlAuthorizationTests(CosmosFixture cosmos)
{
    public static TheoryData<string, string, string[]> Routes => new()
    {
        { "POST", "/api/cards/{serial}/freeze", [Roles.Support, Roles.Admin] },
        { "POST", "/api/cards/{serial}/unfreeze", [Roles.Support, Roles.Admin] },
        { "POST", "/api/accounts/{account}/freeze", [Roles.Support, Roles.Admin] },
        { "POST", "/api/accounts/{account}/unfreeze", [Roles.Support, Roles.Admin] },
        { "POST", "/api/accounts/{account}/adjustments", [Roles.Admin] },
        { "POST", "/api/accounts/{account}/entries/ent_2/reversal", [Roles.Admin] },
        { "POST", "/api/accounts/{account}/reloads", [Roles.Checkout] },
        { "GET", "/api/reviews", [Roles.Support, Roles.Admin] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AdmitsOnlyItsRolesAndRefusesTheOthers(string method, string template, string[] allowed)
    {
        using var app = new GiftingFactory(cosmos);
        var serial = (await app.ClientFor("issuer-1", "issuer").IssueAsync())[0].GetProperty("serial").GetString()!;
        var (_, account) = await app.FundedShopperAsync(10_00);
        var path = template.Replace("{serial}", serial, StringComparison.Ordinal)
            .Replace("{account}", account, StringComparison.Ordinal);

        foreach (var role in Roles.All)
        {
            using var response = await SendAsync(app.ClientFor($"{role}-1", role), method, path);
            var status = (int)response.StatusCode;
            if (allowed.Contains(role))
                Assert.True(status is not (401 or 403), $"{role} on {template}: {status}");
            else
                await response.AssertProblemAsync(403, "forbidden");
        }
        using var anonymous = await SendAsync(app.CreateClient(), method, path);
        Assert.Equal(401, (int)anonymous.StatusCode);
    }

    [Fact]
    public async Task Routes_OnAMissingCardOrEntry_AnswerNotFound()
    {
        using var app = new GiftingFactory(cosmos);
        var support = app.ClientFor("help-1", "support");
        var admin = app.ClientFor("ops-1", "admin");
        var account = Api.NewId("nobody");

        await (await support.PostJsonAsync("/api/cards/1234567890123456/unfreeze", new { reason = "x" }))
            .AssertProblemAsync(404, "card_not_found");
        await (await admin.PostJsonAsync($"/api/accounts/{account}/entries/ent_1/reversal", new { reason = "x" }))
            .AssertProblemAsync(404, "not_found");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostJsonAsync(path, Body(path));

    private static object Body(string path) => path switch
    {
        _ when path.EndsWith("/adjustments", StringComparison.Ordinal) => new
        {
            adjustmentId = Api.NewId("adj"), direction = "credit", amount = new { amount = 1_00, currency = "USD" },
            reasonCode = "goodwill",
        },
        _ when path.EndsWith("/reloads", StringComparison.Ordinal) =>
            new { paymentId = Api.NewId("pay"), amount = new { amount = 1_00, currency = "USD" } },
        _ => new { reason = "checking" },
    };
}
