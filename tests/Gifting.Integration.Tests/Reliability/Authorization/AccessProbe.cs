using System.Globalization;
using System.Text;

namespace Gifting.Integration.Tests.Reliability.Authorization;

/// <summary>Which object of its route a cell asks about.</summary>
public enum Target { Own, Other, Missing }

/// <summary>
/// One cell's request: who sends it (a token, or none), where, with what body, and the identifiers it names that
/// no failing answer may repeat (and that no answer at all may repeat when they belong to another caller).
/// </summary>
public sealed record AccessProbe(
    string Method, string Url, string? Body, string? Authorization, bool WithKey,
    IReadOnlyList<string> Named, IReadOnlyList<string> Foreign)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null) message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        if (Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        if (WithKey) message.Headers.Add("Idempotency-Key", Api.NewId("matrix"));
        return message;
    }

    /// <summary>The body a route takes, by its path; null for routes that take none.</summary>
    public static string? BodyFor(Access row, string subject, Target target)
    {
        static string Money(long amount) => $"{{\"amount\":{amount},\"currency\":\"USD\"}}";
        var id = Guid.NewGuid().ToString("N");
        var expires = DateTimeOffset.UtcNow.AddDays(30).ToString("O", CultureInfo.InvariantCulture);
        return (row.Method, row.Path.Split('/')[^1]) switch
        {
            ("POST", "link-previews") => "{\"linkToken\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
            ("PUT", "preferences") => "{\"applyToOrders\":true,\"applyToSubscriptions\":false}",
            ("POST", "cards") => $"{{\"count\":1,\"value\":{Money(2500)},\"marketplace\":\"US\",\"kind\":\"digital\"}}",
            ("POST", "activation") =>
                $"{{\"retailerId\":\"{(target == Target.Other ? "retailer-other" : subject)}\"}}",
            ("POST", "review") => "{\"decision\":\"approve\"}",
            ("POST", "freeze" or "unfreeze" or "reversal") => "{\"reason\":\"matrix\"}",
            ("POST", "debits") => $"{{\"orderId\":\"order-{id}\",\"amount\":{Money(100)},\"allowPartial\":false}}",
            ("POST", "promotional-credits") =>
                $"{{\"grantId\":\"grant-{id}\",\"amount\":{Money(100)},\"expiresAt\":\"{expires}\","
                + "\"reason\":\"matrix\"}",
            ("POST", "adjustments") => $"{{\"adjustmentId\":\"adj-{id}\",\"direction\":\"credit\","
                + $"\"amount\":{Money(100)},\"reasonCode\":\"goodwill\"}}",
            ("POST", "reloads") => $"{{\"paymentId\":\"pay-{id}\",\"amount\":{Money(100)}}}",
            ("POST", "orders") => AccessWorld.OrderBody,
            ("POST", "funding") => $"{{\"amount\":{Money(1000)},\"reference\":\"matrix\"}}",
            ("POST", "tokens") => "{\"sub\":\"dev-1\",\"roles\":[\"customer\"]}",
            _ => null,
        };
    }
}
