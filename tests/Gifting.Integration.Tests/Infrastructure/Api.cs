using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API, so tests read as what a client does.</summary>
public static class Api
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<JsonElement[]> IssueAsync(
        this HttpClient issuer, int count = 1, long amount = 2500, string kind = "digital", string marketplace = "US",
        string currency = "USD")
    {
        using var response = await issuer.PostJsonAsync("/api/cards",
            new { count, value = new { amount, currency }, marketplace, kind }, idempotencyKey: NewId("issue"));
        Assert.Equal(201, (int)response.StatusCode);
        return (await response.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
    }

    /// <summary>A new shopper whose gift balance holds <paramref name="amount"/>, from a redeemed card.</summary>
    public static async Task<(HttpClient Shopper, string Account)> FundedShopperAsync(
        this GiftingFactory app, long amount)
    {
        var account = NewId("shopper");
        var shopper = app.ClientFor(account, "customer");
        var code = (await app.ClientFor("issuer-1", "issuer").IssueAsync(amount: amount))[0]
            .GetProperty("code").GetString()!;
        Assert.Equal(200, (int)(await shopper.RedeemAsync(code)).StatusCode);
        return (shopper, account);
    }

    /// <summary>A checkout debit of the account for an order, which must succeed.</summary>
    public static async Task<JsonElement> PayAsync(
        this GiftingFactory app, string account, long amount, string orderId = "order-1")
    {
        using var debit = await app.ClientFor("checkout-1", "checkout").PostJsonAsync(
            $"/api/accounts/{account}/debits",
            new { orderId, amount = new { amount, currency = "USD" }, allowPartial = false }, NewId("debit"));
        Assert.Equal(201, (int)debit.StatusCode);
        return await debit.JsonAsync();
    }

    public static Task<HttpResponseMessage> RedeemAsync(
        this HttpClient customer, string code, string? idempotencyKey = null) =>
        customer.PostJsonAsync("/api/redemptions", new { code }, idempotencyKey);

    public static async Task<long> GiftBalanceAsync(this HttpClient customer) =>
        (await (await customer.GetAsync("/api/balance")).JsonAsync())
            .GetProperty("gift").GetProperty("amount").GetInt64();

    public static Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, string path, object body, string? idempotencyKey = null) =>
        client.PostRawAsync(path, JsonSerializer.Serialize(body), idempotencyKey);

    public static Task<HttpResponseMessage> PostRawAsync(
        this HttpClient client, string path, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode,
            $"Expected {status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
