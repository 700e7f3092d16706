using System.CommandLine;
using System.Text.Json;
using Gifting.Cli;

namespace Gifting.Integration.Tests.Cli;

/// <summary>The operator CLI driving the real app: what it prints, what it writes, and its exit codes.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CliAgainstAppTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos,
        services => services.AddSingleton<Gifting.Core.Messaging.IMessagePublisher>(
            new Gifting.Testing.RecordingPublisher()),
        settings: new Dictionary<string, string> { ["Redemption:ReviewThresholds:USD"] = "50000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CardsIssue_WritesSerialsAndCodesToANewCsv_AndPrintsNoCode()
    {
        var file = Path.Combine(Path.GetTempPath(), Api.NewId("cards") + ".csv");
        try
        {
            var run = await Cli.RunAsync(_app, "issuer-1", "issuer", "cards", "issue", "--count", "3", "--value",
                "25.00", "--currency", "USD", "--marketplace", "US", "--out", file);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal("cardId,serial,code,last4,status", lines[0]);
            Assert.Equal(4, lines.Length);
            var codes = lines[1..].Select(l => l.Split(',')[2]).ToList();
            Assert.All(codes, c => Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{6}-[0-9A-Z]{5}$", c));
            Assert.All(codes, c => Assert.DoesNotContain(c, run.Output + run.Error, StringComparison.Ordinal));
            Assert.All(lines[1..], l => Assert.Contains(l.Split(',')[1], run.Output, StringComparison.Ordinal));
            // The file is never overwritten: a second run refuses before issuing anything.
            var again = await Cli.RunAsync(_app, "issuer-1", "issuer", "cards", "issue", "--count", "1", "--value",
                "1.00", "--currency", "USD", "--marketplace", "US", "--out", file);
            Assert.Equal(ExitCodes.FileError, again.ExitCode);
            Assert.Equal(lines, await File.ReadAllLinesAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CardsShowAndHistory_AnswerAsJsonOrTable()
    {
        var serial = (await _app.ClientFor("issuer-1", "issuer").IssueAsync())[0].GetProperty("serial").GetString()!;

        var json = await Cli.RunAsync(_app, "help-1", "support", "cards", "show", serial, "--output", "json");
        var table = await Cli.RunAsync(_app, "help-1", "support", "cards", "history", serial);

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        Assert.Equal("active", JsonDocument.Parse(json.Output).RootElement.GetProperty("status").GetString());
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains(serial, table.Output, StringComparison.Ordinal);
        Assert.Contains("issued", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewsDecide_ApprovesAHeldRedemption_AndASecondDecisionExitsAsRefused()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 60000))[0];
        var account = Api.NewId("shopper");
        using var held = await _app.ClientFor(account, "customer").RedeemAsync(card.GetProperty("code").GetString()!);
        Assert.Equal(202, (int)held.StatusCode);
        var serial = card.GetProperty("serial").GetString()!;

        var approved = await Cli.RunAsync(_app, "fraud-1", "support", "reviews", "decide", serial, "approve");
        var again = await Cli.RunAsync(_app, "fraud-1", "support", "reviews", "decide", serial, "decline");
        var balance = await Cli.RunAsync(_app, "help-1", "support", "accounts", "balance", account, "-o", "json");

        Assert.Equal(ExitCodes.Ok, approved.ExitCode);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("409 not_under_review", again.Error, StringComparison.Ordinal);
        Assert.Equal(60000, JsonDocument.Parse(balance.Output).RootElement.GetProperty("gift").GetProperty("amount")
            .GetInt64());
    }

    [Fact]
    public async Task TokensMint_InLocalMode_PrintsATokenTheAppAccepts()
    {
        var minted = await Cli.RunAsync(_app.Server.CreateHandler(), "--api-url", "http://localhost", "tokens",
            "mint", "--sub", "help-9", "--role", "support");
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", minted.Output.Trim());

        Assert.Equal(ExitCodes.Ok, minted.ExitCode);
        Assert.Equal(200, (int)(await client.GetAsync("/api/operations/rejected-messages?limit=1")).StatusCode);
    }

    [Fact]
    public async Task RejectedListAndReplay_CallTheRoutes_AndAnUnknownIdExitsAsRefused()
    {
        var list = await Cli.RunAsync(_app, "help-1", "support", "rejected", "list", "--queue", "refunds", "--limit",
            "5", "-o", "json");
        var replay = await Cli.RunAsync(_app, "ops-1", "admin", "rejected", "replay", "20261202.refunds.none");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(list.Output).RootElement.GetProperty("items").ValueKind);
        Assert.Equal(ExitCodes.Refused, replay.ExitCode);
        Assert.Contains("404 not_found", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCodes_TellUsageRefusalAndUnreachableApart()
    {
        var unknown = await Cli.RunAsync(_app, "help-1", "support", "cards", "polish", "1");
        var missing = await Cli.RunAsync(_app, "ops-1", "admin", "accounts", "adjust", "shopper-1", "--direction",
            "credit");
        var badAmount = await Cli.RunAsync(_app, "ops-1", "admin", "accounts", "adjust", "shopper-1",
            "--adjustment-id", "a-1", "--direction", "credit", "--amount", "1.001", "--currency", "USD",
            "--reason-code", "goodwill");
        var forbidden = await Cli.RunAsync(_app, "shopper-1", "customer", "cards", "show", "0000000000000001");
        var unreachable = await Cli.RunAsync(
            (HttpMessageHandler?)null, "--api-url", "http://127.0.0.1:1", "cards", "show",
            "0000000000000001");

        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Equal(ExitCodes.Usage, badAmount.ExitCode);
        Assert.Contains("decimal places", badAmount.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, forbidden.ExitCode);
        Assert.Equal(ExitCodes.Unavailable, unreachable.ExitCode);
    }

    [Fact]
    public async Task Help_IsAnsweredByEveryCommand()
    {
        var commands = new List<string[]>();
        void Walk(Command command, string[] path)
        {
            commands.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, [.. path, sub.Name]);
        }
        using var sink = new StringWriter();
        Walk(CliApp.BuildRoot(new Runner(sink, sink, null)), []);
        Assert.True(commands.Count > 20, $"Only {commands.Count} commands.");

        foreach (var path in commands)
        {
            var run = await Cli.RunAsync((HttpMessageHandler?)null, [.. path, "--help"]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"{string.Join(' ', path)} --help: {run.ExitCode} {run.Error}");
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
    }
}
