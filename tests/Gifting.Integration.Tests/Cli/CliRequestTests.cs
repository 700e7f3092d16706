using System.Net;
using System.Text;
using System.Text.Json;
using Gifting.Cli;

namespace Gifting.Integration.Tests.Cli;

/// <summary>
/// The commands whose routes are served by other parts of the API, checked request by request against a handler
/// that records what it is sent: method, path, query and body.
/// </summary>
public sealed class CliRequestTests
{
    private sealed class RecordingHandler(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        public List<(string Method, string PathAndQuery, string? Body, string? Accept, string? Auth)> Seen { get; } =
            [];

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Seen.Add((request.Method.Method, request.RequestUri!.PathAndQuery, content,
                request.Headers.Accept.ToString(), request.Headers.Authorization?.ToString()));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        }
    }

    public static TheoryData<string[], string, string, string?> Requests => new()
    {
        {
            ["cards", "freeze", "1234567890123456", "--reason", "stolen"], "POST", "/api/cards/1234567890123456/freeze",
            """{"reason":"stolen"}"""
        },
        {
            ["cards", "unfreeze", "1234567890123456", "--reason", "found"], "POST",
            "/api/cards/1234567890123456/unfreeze", """{"reason":"found"}"""
        },
        {
            ["accounts", "freeze", "shopper-1", "--reason", "fraud ring"], "POST", "/api/accounts/shopper-1/freeze",
            """{"reason":"fraud ring"}"""
        },
        {
            ["accounts", "unfreeze", "shopper-1", "--reason", "cleared"], "POST", "/api/accounts/shopper-1/unfreeze",
            """{"reason":"cleared"}"""
        },
        {
            ["accounts", "adjust", "shopper-1", "--adjustment-id", "adj-7", "--direction", "debit", "--amount", "12.50",
                "--currency", "USD", "--reason-code", "chargeback", "--note", "case 42"],
            "POST", "/api/accounts/shopper-1/adjustments",
            """{"adjustmentId":"adj-7","direction":"debit","amount":{"amount":1250,"currency":"USD"},"""
                + "\"reasonCode\":\"chargeback\",\"note\":\"case 42\"}"
        },
        {
            ["accounts", "adjust", "shopper-1", "--adjustment-id", "adj-8", "--direction", "credit", "--amount", "500",
                "--currency", "JPY", "--reason-code", "goodwill"],
            "POST", "/api/accounts/shopper-1/adjustments",
            """{"adjustmentId":"adj-8","direction":"credit","amount":{"amount":500,"currency":"JPY"},"""
                + "\"reasonCode\":\"goodwill\",\"note\":null}"
        },
        {
            ["accounts", "reverse", "shopper-1", "ent_12", "--reason", "duplicate"], "POST",
            "/api/accounts/shopper-1/entries/ent_12/reversal", """{"reason":"duplicate"}"""
        },
        {
            ["accounts", "activity", "shopper 1", "--limit", "5", "--cursor", "abc"], "GET",
            "/api/accounts/shopper%201/activity?limit=5&cursor=abc", null
        },
        { ["reviews", "list", "--limit", "10"], "GET", "/api/reviews?status=pending&limit=10", null },
        {
            ["reports", "liability", "--marketplace", "GB", "--from", "2026-11-01", "--to", "2026-12-01"], "GET",
            "/api/reports/liability?marketplace=GB&from=2026-11-01&to=2026-12-01", null
        },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Command_SendsTheContractsRequest(string[] args, string method, string path, string? body)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"ok":true}""", "application/json");

        var run = await Cli.RunAsync(handler, ["--api-url", "https://gifting.example/", "--token", "t-1", .. args]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var seen = Assert.Single(handler.Seen);
        Assert.Equal(method, seen.Method);
        Assert.Equal(path, seen.PathAndQuery);
        Assert.Equal("Bearer t-1", seen.Auth);
        if (body is null) Assert.Null(seen.Body);
        else Assert.Equal(JsonDocument.Parse(body).RootElement.GetRawText(),
            JsonDocument.Parse(seen.Body!).RootElement.GetRawText());
    }

    [Fact]
    public async Task ReportsLiability_WithCsv_AsksForCsvAndPrintsItAsItCame()
    {
        var csv = "marketplace,currency,unredeemedCards\nUS,USD,2500\n";
        var handler = new RecordingHandler(HttpStatusCode.OK, csv, "text/csv");

        var run = await Cli.RunAsync(handler, "--api-url", "https://gifting.example", "reports", "liability", "--csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("text/csv", Assert.Single(handler.Seen).Accept);
        Assert.Equal(csv, run.Output.TrimEnd('\n', '\r') + "\n");
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Unavailable)]
    public async Task AnswerStatus_DecidesTheExitCode_AndTheProblemIsPrinted(HttpStatusCode status, int exitCode)
    {
        var handler = new RecordingHandler(status, """{"status":0,"code":"already_reversed","detail":"once"}""",
            "application/problem+json");

        var run = await Cli.RunAsync(handler, "--api-url", "https://gifting.example", "accounts", "reverse",
            "shopper-1", "ent_3", "--reason", "x");

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("already_reversed: once", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableOutput_ShowsMoneyInMajorUnits()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK,
            """{"items":[{"id":"ent_1","amount":{"amount":1250,"currency":"USD"}}],"nextCursor":"c2"}""",
            "application/json");

        var run = await Cli.RunAsync(handler, "--api-url", "https://gifting.example", "accounts", "activity", "s-1");

        Assert.Contains("12.50 USD", run.Output, StringComparison.Ordinal);
        Assert.Contains("next cursor: c2", run.Output, StringComparison.Ordinal);
    }
}
