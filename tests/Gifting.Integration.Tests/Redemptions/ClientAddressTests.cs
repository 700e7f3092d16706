using System.Net;
using System.Security.Cryptography;
using Gifting.Core.Codes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Gifting.Integration.Tests.Redemptions;

/// <summary>
/// The per-address redemption limit counts against the address the trusted proxies saw. Each request comes from a
/// new account, so only the per-address limit can answer 429.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ClientAddressTests(CosmosFixture cosmos)
{
    private const int Limit = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redeem_WhenClientRotatesSpoofedForwardedFor_IsThrottledByItsRealAddress(bool ipv6)
    {
        using var app = App();
        // The front end appends the address and port it was reached from to whatever the client sent.
        var real = ipv6 ? $"[{RandomAddress(16)}]" : RandomAddress(4);

        for (var i = 0; i < Limit; i++)
            await (await FailAsync(app, $"1.2.3.{i}, {real}:{50000 + i}")).AssertProblemAsync(400, "invalid_code");

        await (await FailAsync(app, $"1.2.3.99, {real}:50999")).AssertProblemAsync(429, "too_many_attempts");
        await (await FailAsync(app, $"1.2.3.99, {RandomAddress(4)}:50999")).AssertProblemAsync(400, "invalid_code");
    }

    [Fact]
    public async Task Redeem_BehindASharedProxyWithTwoTrustedHops_CountsEachClientBehindItSeparately()
    {
        using var app = App(("Network:TrustedForwardHops", "2"));
        var (proxy, first, second) = (RandomAddress(4), RandomAddress(4), RandomAddress(4));

        for (var i = 0; i < Limit; i++)
        {
            var forwardedFor = $"1.2.3.{i}, {first}, {proxy}:{50000 + i}";
            await (await FailAsync(app, forwardedFor)).AssertProblemAsync(400, "invalid_code");
        }

        await (await FailAsync(app, $"1.2.3.99, {first}, {proxy}:50999")).AssertProblemAsync(429, "too_many_attempts");
        await (await FailAsync(app, $"{second}, {proxy}:50999")).AssertProblemAsync(400, "invalid_code");
    }

    [Fact]
    public async Task Redeem_WhenForwardedForHasFewerEntriesThanTrustedHops_CountsAgainstTheConnection()
    {
        // The handler is reached over loopback, as the Functions host reaches it.
        var connection = new IPAddress([127, .. RandomNumberGenerator.GetBytes(3)]);
        using var app = App(connection, ("Network:TrustedForwardHops", "2"));

        for (var i = 0; i < Limit; i++)
            await (await FailAsync(app, RandomAddress(4))).AssertProblemAsync(400, "invalid_code");

        await (await FailAsync(app, RandomAddress(4))).AssertProblemAsync(429, "too_many_attempts");
    }

    [Fact]
    public async Task Redeem_WhenAspNetCoreForwardedHeadersAreAlsoEnabled_ReadsTheHeaderOnce()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true would put a second reader of X-Forwarded-For before ours.
        using var app = App(("Network:TrustedForwardHops", "2"), ("ForwardedHeaders_Enabled", "true"));
        var (proxy, client) = (RandomAddress(4), RandomAddress(4));

        for (var i = 0; i < Limit; i++)
            await (await FailAsync(app, $"1.2.3.{i}, {client}, {proxy}")).AssertProblemAsync(400, "invalid_code");

        await (await FailAsync(app, $"1.2.3.99, {client}, {proxy}")).AssertProblemAsync(429, "too_many_attempts");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task Start_WhenTrustedForwardHopsOutOfRange_Fails(string hops)
    {
        using var app = App(("Network:TrustedForwardHops", hops));

        var error = await app.RefusalToStartAsync<Exception>();

        Assert.Contains("TrustedForwardHops", error.Message, StringComparison.Ordinal);
    }

    private GiftingFactory App(params (string Key, string Value)[] settings) => App(null, settings);

    private GiftingFactory App(IPAddress? connection, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        all["Redemption:FailuresPerClientAddress"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GiftingFactory(cosmos, services: s =>
        {
            if (connection is not null) s.AddSingleton<IStartupFilter>(new ConnectionFrom(connection));
        }, settings: all);
    }

    private static async Task<HttpResponseMessage> FailAsync(GiftingFactory app, string forwardedFor)
    {
        var shopper = app.ClientFor(Api.NewId("guesser"), "customer");
        shopper.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await shopper.RedeemAsync(ClaimCode.Generate().Display);
    }

    private static string RandomAddress(int bytes) => new IPAddress(RandomNumberGenerator.GetBytes(bytes)).ToString();

    /// <summary>The in-memory server has no connection address; this gives every request one.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
