namespace Gifting.Integration.Tests.Funding;

/// <summary>A wrong funding request gets a 4xx problem with a stable code, never a 500, and adds nothing.</summary>
[Collection(CosmosCollection.Name)]
public sealed class FundingBadInputTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> Bodies => new()
    {
        { "{", "invalid_json" },
        { "[]", "invalid_json" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"USD\"}}", "invalid_json" },
        { "{\"reference\": \"PO-1\"}", "invalid_json" },
        { "{\"amount\": {\"amount\": 1.5, \"currency\": \"USD\"}, \"reference\": \"PO-1\"}", "invalid_json" },
        { "{\"amount\": {\"amount\": \"100\", \"currency\": \"USD\"}, \"reference\": \"PO-1\"}", "invalid_json" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"USD\"}, \"reference\": null}", "invalid_json" },
        { "{\"amount\": {\"amount\": 0, \"currency\": \"USD\"}, \"reference\": \"PO-1\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": -100, \"currency\": \"USD\"}, \"reference\": \"PO-1\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"usd\"}, \"reference\": \"PO-1\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"XYZ\"}, \"reference\": \"PO-1\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"USD\"}, \"reference\": \"\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"USD\"}, \"reference\": \"" + new string('R', 129) + "\"}",
            "validation_failed" },
        { "{\"amount\": {\"amount\": 100, \"currency\": \"USD\"}, \"reference\": \"a\\u0000b\"}", "validation_failed" },
        { "{\"amount\": {\"amount\": 99999999999999999, \"currency\": \"USD\"}, \"reference\": \"PO-1\"}",
            "validation_failed" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AddFunding_WithBadBody_AnswersProblemAndAddsNothing(string body, string code)
    {
        var org = Api.NewId("org");

        using var response = await _app.ClientFor("admin-1", "admin")
            .PostRawAsync($"/api/orgs/{org}/funding", body, Api.NewId("fund"));

        await response.AssertProblemAsync(400, code);
        var funding = await (await _app.ClientFor("buyer-1", "corporate", org: org).GetAsync("/api/funding"))
            .JsonAsync();
        Assert.Equal(0, funding.GetProperty("available").GetProperty("amount").GetInt64());
    }

    [Theory]
    [InlineData("a%23b")]
    [InlineData("a%3Fb")]
    [InlineData("%20")]
    public async Task AddFunding_ForAnOrgIdThatCannotBeOne_Answers400(string org)
    {
        using var response = await _app.ClientFor("admin-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 100, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));

        await response.AssertProblemAsync(400, "validation_failed");
    }
}
