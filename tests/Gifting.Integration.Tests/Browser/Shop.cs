using System.Net.Http.Headers;
using System.Text;
using Gifting.Functions.Auth;
using Gifting.Integration.Tests.Orders;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Browser;

/// <summary>The other side of the counter: cards issued and gifts sent, all through the stand-in.</summary>
public sealed class Shop(LocalStandIn standIn)
{
    private readonly LocalTokens _tokens = standIn.HandlerServices.GetRequiredService<LocalTokens>();

    public HttpClient As(string sub, string role, string marketplace = "US", string? org = null)
    {
        var http = new HttpClient { BaseAddress = standIn.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", _tokens.Issue(sub, [role], marketplace, TimeProvider.System, org));
        return http;
    }

    public static HttpClient WithToken(Uri address, string token)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A new card's code as printed, and its serial.</summary>
    public async Task<(string Code, string Serial)> CardAsync(long amount = 2500, bool physical = false)
    {
        using var issuer = As("issuer-1", "issuer");
        using var response = await issuer.PostJsonAsync("/api/cards", new
        {
            count = 1, value = new { amount, currency = "USD" }, marketplace = "US",
            kind = physical ? "physical" : "digital", activated = !physical,
        }, Api.NewId("issue"));
        Assert.Equal(201, (int)response.StatusCode);
        var card = (await response.JsonAsync()).GetProperty("cards")[0];
        return (card.GetProperty("code").GetString()!, card.GetProperty("serial").GetString()!);
    }

    /// <summary>An e-gift of $25 from the People Team with a message, by email: its one-click link's path.</summary>
    public async Task<string> GiftLinkAsync()
    {
        var org = Api.NewId("org");
        using (var admin = As("admin-1", "admin"))
        {
            using var funded = await admin.PostJsonAsync($"/api/orgs/{org}/funding",
                new { amount = new { amount = 1_000_00, currency = "USD" }, reference = "PO-1" });
            Assert.Equal(201, (int)funded.StatusCode);
        }
        var email = $"{Api.NewId("r")}@example.com";
        using var buyer = As("buyer-1", "corporate", org: org);
        var csv = $"{OrderBodies.Header}\r\nSam,{email},,email,25.00,USD,Thank you for this year\r\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, OrderApp.CsvQuery())
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));
        using var placed = await buyer.SendAsync(request);
        Assert.Equal(202, (int)placed.StatusCode);
        await standIn.Queues.DrainAsync(TimeSpan.FromSeconds(60));
        var link = new Uri(standIn.Mailbox.Messages.Single(m => m.To == email).Links
            .Single(l => l.Contains("/redeem?t=", StringComparison.Ordinal)));
        return link.PathAndQuery;
    }
}
