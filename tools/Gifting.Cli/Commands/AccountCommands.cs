using System.CommandLine;

namespace Gifting.Cli.Commands;

/// <summary>
/// <c>gifting accounts ...</c>: a shopper's balance and activity, freezes, adjustments and reversals.
/// </summary>
public static class AccountCommands
{
    public static Command Create(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var accounts = new Command("accounts", "A shopper's account as support and admins see and correct it.");
        var id = AccountId();
        var balance = new Command("balance", "The account's balance, as the shopper sees it.") { id };
        balance.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.GetAsync($"/api/accounts/{ApiClient.Escape(parsed.GetValue(id)!)}/balance", c), ct));
        accounts.Subcommands.Add(balance);
        accounts.Subcommands.Add(Activity(runner));
        accounts.Subcommands.Add(Freeze(runner, "freeze", "Freeze the account: its redemptions, debits and reloads "
            + "are refused; its balance stays readable."));
        accounts.Subcommands.Add(Freeze(runner, "unfreeze", "Unfreeze the account."));
        accounts.Subcommands.Add(Adjust(runner));
        accounts.Subcommands.Add(Reverse(runner));
        return accounts;
    }

    private static Argument<string> AccountId() => new("accountId") { Description = "The shopper's account id." };

    private static Command Activity(Runner runner)
    {
        var id = AccountId();
        var (limit, cursor) = Paging.Options();
        var command = new Command("activity", "The account's entries, newest first.") { id, limit, cursor };
        command.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) => api.GetAsync(
            $"/api/accounts/{ApiClient.Escape(parsed.GetValue(id)!)}/activity" + Paging.Query(parsed, limit, cursor),
            c), ct));
        return command;
    }

    private static Command Freeze(Runner runner, string name, string description) =>
        ReasonCommand.Create(runner, name, description, AccountId(), id => $"/api/accounts/{id}/{name}",
            "Why (kept in the account's history).");

    private static Command Adjust(Runner runner)
    {
        var id = AccountId();
        var adjustmentId = new Option<string>("--adjustment-id")
        {
            Description = "Names the adjustment: repeating it answers the first, so a retry is safe.", Required = true,
        };
        var direction = new Option<string>("--direction") { Description = "credit or debit.", Required = true }
            .AcceptOnlyFromAmong("credit", "debit");
        var currency = new Option<string>("--currency") { Description = "ISO 4217 code, e.g. USD.", Required = true };
        var amount = new Option<string>("--amount") { Description = "In major units, e.g. 10.00.", Required = true };
        amount.Validators.Add(r => Amounts.Validate(r, () => r.GetValue(currency)));
        var reasonCode = new Option<string>("--reason-code")
        {
            Description = "goodwill, correction, chargeback, fraud_recovery, ...", Required = true,
        };
        var note = new Option<string?>("--note") { Description = "Free text kept with the entry." };
        var command = new Command("adjust", "Credit or debit the account's gift balance with a reason (admin).")
        {
            id, adjustmentId, direction, amount, currency, reasonCode, note,
        };
        command.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.PostAsync($"/api/accounts/{ApiClient.Escape(parsed.GetValue(id)!)}/adjustments", new
            {
                adjustmentId = parsed.GetValue(adjustmentId),
                direction = parsed.GetValue(direction),
                amount = new
                {
                    amount = Amounts.ToMinor(parsed.GetValue(amount)!, parsed.GetValue(currency)!, out _),
                    currency = parsed.GetValue(currency),
                },
                reasonCode = parsed.GetValue(reasonCode),
                note = parsed.GetValue(note),
            }, c), ct));
        return command;
    }

    private static Command Reverse(Runner runner)
    {
        var id = AccountId();
        var entryId = new Argument<string>("entryId") { Description = "The entry to undo (its id in the activity)." };
        var reason = new Option<string>("--reason") { Description = "Why.", Required = true };
        var command = new Command("reverse", "Undo exactly one entry, once, with a new reversal entry (admin).")
        {
            id, entryId, reason,
        };
        command.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) => api.PostAsync(
            $"/api/accounts/{ApiClient.Escape(parsed.GetValue(id)!)}/entries/"
            + $"{ApiClient.Escape(parsed.GetValue(entryId)!)}/reversal", new { reason = parsed.GetValue(reason) }, c),
            ct));
        return command;
    }
}
