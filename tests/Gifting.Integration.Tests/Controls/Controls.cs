using System.Text.Json;

namespace Gifting.Integration.Tests.Controls;

/// <summary>Shorthands for the operators' routes, so the tests read as what support, admins and checkout do.</summary>
internal static class Controls
{
    public static Task<HttpResponseMessage> ReloadAsync(
        this GiftingFactory app, string account, string paymentId, long amount, string currency = "USD") =>
        app.ClientFor("checkout-1", "checkout").PostJsonAsync($"/api/accounts/{account}/reloads",
            new { paymentId, amount = new { amount, currency } });

    public static Task<HttpResponseMessage> AdjustAsync(
        this GiftingFactory app, string account, string adjustmentId, string direction, long amount,
        string reasonCode = "correction") =>
        app.ClientFor("ops-1", "admin").PostJsonAsync($"/api/accounts/{account}/adjustments",
            new { adjustmentId, direction, amount = new { amount, currency = "USD" }, reasonCode, note = "ticket 7" });

    public static Task<HttpResponseMessage> ReverseAsync(
        this GiftingFactory app, string account, string entryId, string admin = "ops-1") =>
        app.ClientFor(admin, "admin").PostJsonAsync($"/api/accounts/{account}/entries/{entryId}/reversal",
            new { reason = "posted in error" });

    public static Task<HttpResponseMessage> FreezeAccountAsync(
        this GiftingFactory app, string account, bool frozen = true) =>
        app.ClientFor("help-1", "support").PostJsonAsync(
            $"/api/accounts/{account}/{(frozen ? "freeze" : "unfreeze")}", new { reason = "suspected takeover" });

    public static async Task<string> EntryIdAsync(this HttpResponseMessage created)
    {
        Assert.Equal(201, (int)created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<List<string>> ActivityTypesAsync(this HttpClient shopper) =>
        [.. (await (await shopper.GetAsync("/api/balance/activity")).JsonAsync()).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("type").GetString()!)];

    public static long Amount(this JsonElement entry) => entry.GetProperty("amount").GetProperty("amount").GetInt64();
}
