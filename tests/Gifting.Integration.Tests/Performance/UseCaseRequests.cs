using System.Text.Json;

namespace Gifting.Integration.Tests.Performance;

/// <summary>Requests the cost measurements make: the budget test and the storage-cost test run the same.</summary>
internal static class UseCaseRequests
{
    public static Task GrantAsync(GiftingFactory app, string account, TimeSpan lead) =>
        Ok(app.ClientFor("promo-1", "promotions").PostJsonAsync(
            $"/api/accounts/{account}/promotional-credits",
            new
            {
                grantId = Api.NewId("grant"), amount = new { amount = 100, currency = "USD" },
                expiresAt = DateTimeOffset.UtcNow + lead, reason = "apology",
            }));

    /// <summary>Two new cards of the kind, by serial.</summary>
    public static async Task<Queue<string>> SerialsAsync(HttpClient issuer, string kind) => new(
        (await issuer.IssueAsync(count: 2, kind: kind)).Select(c => c.GetProperty("serial").GetString()!));

    public static string RefundBody(string account) => JsonSerializer.Serialize(new
    {
        refundId = Api.NewId("refund"), accountId = account, orderId = "order-1",
        amount = new { amount = 100, currency = "USD" }, reason = "returned", origin = "balance",
    });

    public static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
