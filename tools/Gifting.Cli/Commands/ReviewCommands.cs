using System.CommandLine;

namespace Gifting.Cli.Commands;

/// <summary><c>gifting reviews ...</c>: the redemptions a fraud rule holds, and their decision.</summary>
public static class ReviewCommands
{
    public static Command Create(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var reviews = new Command("reviews", "Redemptions held for review: list them, approve or decline one.");
        var (limit, cursor) = Paging.Options();
        var list = new Command("list", "Held redemptions, oldest first.") { limit, cursor };
        list.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.GetAsync("/api/reviews?status=pending" + Paging.Query(parsed, limit, cursor, first: false), c), ct));
        var serial = new Argument<string>("serial") { Description = "The held card's serial." };
        var decision = new Argument<string>("decision") { Description = "approve or decline." }
            .AcceptOnlyFromAmong("approve", "decline");
        var decide = new Command("decide", "Approve (credit the account) or decline (cancel the card) a held "
            + "redemption; decided exactly once.") { serial, decision };
        decide.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.PostAsync($"/api/cards/{ApiClient.Escape(parsed.GetValue(serial)!)}/review",
                new { decision = parsed.GetValue(decision) }, c), ct));
        reviews.Subcommands.Add(list);
        reviews.Subcommands.Add(decide);
        return reviews;
    }
}
