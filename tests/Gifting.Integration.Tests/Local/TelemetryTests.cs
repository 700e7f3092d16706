using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Gifting.Functions.Auth;
using Gifting.Functions.Telemetry;
using Gifting.Integration.Tests.Orders;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gifting.Integration.Tests.Local;

/// <summary>
/// What the handler exports, read from in-memory exporters added to its own OpenTelemetry pipeline: one trace from
/// the order request through every queue hop, the counters, and no code, token, address or number anywhere.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class TelemetryTests(CosmosFixture cosmos)
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<LogRecord> _logs = [];

    [Fact]
    public async Task Order_ThroughTheStandIn_IsOneTraceFromTheRequestToEveryTriggerItsMessagesCause_AndLeaksNothing()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, Capture, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = standIn.Address };
        var tokens = standIn.HandlerServices.GetRequiredService<LocalTokens>();
        var org = Api.NewId("org");
        var run = Api.NewId("r");
        string[] emails = [$"a.{run}@example.com", $"b.{run}@example.com"];
        string[] phones = ["+15550142" + Digits(run), "+15550143" + Digits(run)];
        Authorize(http, tokens.Issue("admin-1", ["admin"], "US", TimeProvider.System));
        Assert.Equal(201, (int)(await http.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 1_000_00, currency = "USD" }, reference = "PO-1" })).StatusCode);
        Authorize(http, tokens.Issue("buyer-1", ["corporate"], "US", TimeProvider.System, org));
        using var request = new HttpRequestMessage(HttpMethod.Post, OrderApp.CsvQuery())
        {
            Content = new StringContent(string.Join("\r\n", new[]
            {
                OrderBodies.Header, $"A,{emails[0]},,email,25.00,USD,Hi", $"B,{emails[1]},,email,25.00,USD,Hi",
                $"C,,{phones[0]},sms,25.00,USD,Hi", $"D,,{phones[1]},sms,25.00,USD,Hi",
            }) + "\r\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));
        using var placed = await http.SendAsync(request);
        Assert.Equal(202, (int)placed.StatusCode);
        await standIn.Queues.DrainAsync(TimeSpan.FromSeconds(60));
        var link = new Uri(standIn.Mailbox.Messages.First(m => m.To == emails[0]).Links
            .Single(l => l.Contains("/redeem?t=", StringComparison.Ordinal)));
        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);
        Authorize(http, tokens.Issue(Api.NewId("shopper"), ["customer"], "US", TimeProvider.System));
        Assert.Equal(200, (int)(await http.PostJsonAsync("/api/redemptions", new { linkToken = token })).StatusCode);
        Assert.Equal(409, (int)(await http.PostJsonAsync("/api/redemptions", new { linkToken = token })).StatusCode);
        Flush(standIn.HandlerServices);

        var orderRequest = _spans.SingleOrDefault(s => s.Kind == ActivityKind.Server
            && s.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn" && Route(s) == "api/orders");
        Assert.NotNull(orderRequest);
        var chunks = _spans.Where(s => s.Source.Name == GiftingTelemetry.Name && s.OperationName == "ProcessOrderChunk")
            .ToList();
        var deliveries = _spans.Where(s => s.Source.Name == GiftingTelemetry.Name && s.OperationName == "DeliverGift")
            .ToList();
        Assert.NotEmpty(chunks);
        Assert.Equal(4, deliveries.Count);
        Assert.All(chunks.Concat(deliveries), s => Assert.Equal(orderRequest.TraceId, s.TraceId));
        Assert.Equal(4, Sum(GiftingTelemetry.LinesIssued));
        Assert.Equal(4, Sum(GiftingTelemetry.DeliveriesSent));
        Assert.Equal(1, Sum(GiftingTelemetry.Redemptions, "outcome", "redeemed"));
        Assert.Equal(1, Sum(GiftingTelemetry.Redemptions, "outcome", "already_redeemed"));
        var exported = Exported();
        Assert.Contains(run, string.Join(' ', emails));
        foreach (var secret in emails.Concat(phones).Append(token).Append(Uri.EscapeDataString(token)))
            Assert.DoesNotContain(secret, exported, StringComparison.OrdinalIgnoreCase);
    }

    private void Capture(WebApplicationBuilder builder) => builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
        .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics))
        .WithLogging(logging => logging.AddInMemoryExporter(_logs), options =>
        {
            options.IncludeFormattedMessage = true;
            options.IncludeScopes = true;
        });

    private static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>
    /// Everything the exporters received, as text: span names, tags and events, metric tags, log records.
    /// </summary>
    private string Exported()
    {
        var text = new StringBuilder();
        lock (_spans)
        {
            foreach (var span in _spans)
            {
                text.Append(span.DisplayName).Append(' ').Append(span.StatusDescription).Append('\n');
                foreach (var tag in span.TagObjects) text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
                foreach (var e in span.Events)
                {
                    text.Append(e.Name).Append('\n');
                    foreach (var tag in e.Tags) text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
                }
            }
        }
        foreach (var metric in _metrics.ToList())
        {
            foreach (var point in metric.MetricPoints)
                foreach (var tag in point.Tags) text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
        }
        foreach (var log in _logs.ToList())
        {
            text.Append(log.FormattedMessage).Append(' ').Append(log.Body).Append('\n');
            foreach (var attribute in log.Attributes ?? [])
                text.Append(attribute.Key).Append('=').Append(attribute.Value).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// The latest cumulative value of a counter, over the points whose tag matches when one is named.
    /// </summary>
    private long Sum(string instrument, string? tag = null, string? value = null) =>
        _metrics.ToList().LastOrDefault(m => m.Name == instrument)?.MetricPoints
            .Where(p => tag is null || HasTag(p, tag, value!))
            .Sum(p => p.GetSumLong()) ?? 0;

    private static bool HasTag(MetricPoint point, string tag, string value)
    {
        foreach (var t in point.Tags)
        {
            if (t.Key == tag && Equals(t.Value, value)) return true;
        }
        return false;
    }

    private static string? Route(Activity span) => (span.GetTagItem("http.route") as string)?.Trim('/');

    private static string Digits(string run) =>
        (Math.Abs(run.GetHashCode(StringComparison.Ordinal)) % 100).ToString("D2",
            System.Globalization.CultureInfo.InvariantCulture);

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
