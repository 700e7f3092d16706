using System.Text.Json;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.Authorization;

/// <summary>
/// The objects the matrix asks about, made through the API as their owners would make them: shoppers with a
/// balance, cards of two issuers, orders of two orgs, ledger entries, rejected messages. Each method makes a new one.
/// </summary>
public sealed class AccessWorld(OrderApp orders)
{
    private GiftingFactory App => orders.App;

    public async Task<string> ShopperAsync() => (await App.FundedShopperAsync(2500)).Account;

    public async Task<JsonElement> CardAsync(string issuer, string kind = "digital", long amount = 2500) =>
        (await App.ClientFor(issuer, "issuer").IssueAsync(amount: amount, kind: kind))[0];

    public async Task<string> SerialAsync(string issuer) =>
        (await CardAsync(issuer)).GetProperty("serial").GetString()!;

    public async Task<string> PhysicalSerialAsync() =>
        (await CardAsync("issuer-a", "physical")).GetProperty("serial").GetString()!;

    /// <summary>A card whose redemption a review rule holds (the app's USD review threshold is 500.00).</summary>
    public async Task<string> HeldSerialAsync()
    {
        var card = await CardAsync("issuer-a", amount: 60_000);
        using var held = await App.ClientFor(Api.NewId("shopper"), "customer")
            .RedeemAsync(card.GetProperty("code").GetString()!);
        Assert.Equal(202, (int)held.StatusCode);
        return card.GetProperty("serial").GetString()!;
    }

    public async Task<string> FreshCodeAsync() => (await CardAsync("issuer-a")).GetProperty("code").GetString()!;

    public async Task<string> RedeemedCodeAsync(string shopper)
    {
        var code = await FreshCodeAsync();
        using var redeemed = await App.ClientFor(shopper, "customer").RedeemAsync(code);
        Assert.Equal(200, (int)redeemed.StatusCode);
        return code;
    }

    /// <summary>An adjustment's entry in the account: what a reversal names.</summary>
    public async Task<string> EntryAsync(string account)
    {
        using var adjusted = await App.ClientFor("admin-1", "admin").PostJsonAsync(
            $"/api/accounts/{account}/adjustments",
            new
            {
                adjustmentId = Api.NewId("adj"), direction = "credit", amount = new { amount = 100, currency = "USD" },
                reasonCode = "goodwill",
            });
        Assert.Equal(201, (int)adjusted.StatusCode);
        return (await adjusted.JsonAsync()).GetProperty("id").GetString()!;
    }

    public Task<string> FundedOrgAsync() => orders.FundedOrgAsync(1_000_000);

    public static string OrderBody => """
        {"externalRef":"po-matrix","marketplace":"US","senderName":"HR","lines":[{"recipientName":"Ann",
        "email":"ann@example.com","channel":"email","amount":{"amount":2500,"currency":"USD"}}]}
        """;

    /// <summary>An order of <paramref name="org"/> whose one line is issued (line 00001).</summary>
    public async Task<string> OrderAsync(string org)
    {
        using var placed = await orders.Buyer(org).PostRawAsync("/api/orders", OrderBody, Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        await orders.DeliverChunksAsync();
        return orderId;
    }

    /// <summary>A refund message the trigger rejected, by the id the operators' list gives it.</summary>
    public async Task<string> RejectedIdAsync()
    {
        var refundId = "matrix-" + Guid.NewGuid().ToString("D");
        var body = JsonSerializer.Serialize(new
        {
            refundId, accountId = "not an account id", orderId = "order-1",
            amount = new { amount = 40, currency = "USD" },
        });
        using var invoked = await App.CreateClient()
            .InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", body));
        Assert.Equal(200, (int)invoked.StatusCode);
        using var listed = await App.ClientFor("admin-1", "admin")
            .GetAsync("/api/operations/rejected-messages?queue=refunds&limit=100");
        var items = (await listed.JsonAsync()).GetProperty("items").EnumerateArray();
        return items.First(i => i.GetProperty("body").GetRawText().Contains(refundId, StringComparison.Ordinal))
            .GetProperty("id").GetString()!;
    }
}
