using System.CommandLine;

namespace Gifting.Cli.Commands;

/// <summary>Rejected queue messages, the liability report, and local tokens.</summary>
public static class OperationsCommands
{
    public static Command Rejected(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var rejected = new Command("rejected", "Queue messages that could not be applied.");
        var queue = new Option<string?>("--queue") { Description = "Only this queue's (refunds, gift-deliveries...)." };
        var (limit, cursor) = Paging.Options();
        var list = new Command("list", "Rejected messages, newest first, codes and tokens redacted.")
        {
            queue, limit, cursor,
        };
        list.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
        {
            var query = Paging.Query(parsed, limit, cursor);
            if (parsed.GetValue(queue) is { } q)
                query += (query.Length == 0 ? "?" : "&") + "queue=" + Uri.EscapeDataString(q);
            return api.GetAsync("/api/operations/rejected-messages" + query, c);
        }, ct));
        var id = new Argument<string>("id") { Description = "The rejected message's id, as listed." };
        var replay = new Command("replay", "Send a rejected message to its queue again, exactly once (admin).") { id };
        replay.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) => api.PostAsync(
            $"/api/operations/rejected-messages/{ApiClient.Escape(parsed.GetValue(id)!)}/replay", null, c), ct));
        rejected.Subcommands.Add(list);
        rejected.Subcommands.Add(replay);
        return rejected;
    }

    public static Command Reports(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var marketplace = new Option<string?>("--marketplace") { Description = "One marketplace; all when left out." };
        var from = new Option<DateOnly?>("--from") { Description = "First day of the breakage period (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Day after the breakage period (yyyy-MM-dd)." };
        var csv = new Option<bool>("--csv") { Description = "Print the report as CSV (Accept: text/csv)." };
        var liability = new Command("liability", "Outstanding liability and breakage per marketplace and currency "
            + "(finance, admin).") { marketplace, from, to, csv };
        liability.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
        {
            var query = new List<string>();
            if (parsed.GetValue(marketplace) is { } m) query.Add("marketplace=" + Uri.EscapeDataString(m));
            if (parsed.GetValue(from) is { } f) query.Add("from=" + f.ToString("yyyy-MM-dd", null));
            if (parsed.GetValue(to) is { } t) query.Add("to=" + t.ToString("yyyy-MM-dd", null));
            var path = "/api/reports/liability" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
            return api.GetAsync(path, c, parsed.GetValue(csv) ? "text/csv" : "application/json");
        }, ct));
        return new Command("reports", "Finance reports.") { liability };
    }

    public static Command Tokens(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var sub = new Option<string>("--sub") { Description = "The principal (an account id, an operator).",
            Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role; repeat for several.", Required = true,
            AllowMultipleArgumentsPerToken = true };
        var marketplace = new Option<string?>("--marketplace") { Description = "The token's marketplace (US...)." };
        var org = new Option<string?>("--org") { Description = "The corporate buyer's org." };
        var mint = new Command("mint", "Mint a token from a local app (local mode only); prints the token alone in "
            + "table mode, so a script can capture it.") { sub, roles, marketplace, org };
        mint.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) => api.PostAsync("/api/dev/tokens", new
        {
            sub = parsed.GetValue(sub), roles = parsed.GetValue(roles), marketplace = parsed.GetValue(marketplace),
            org = parsed.GetValue(org),
        }, c), ct, async answer =>
        {
            if (Runner.IsJson(parsed)) await runner.Out.WriteLineAsync(answer.Text);
            else await runner.Out.WriteLineAsync(answer.Json!.Value.GetProperty("token").GetString());
            return ExitCodes.Ok;
        }));
        return new Command("tokens", "Local-mode tokens.") { mint };
    }
}
