using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gifting.Cli.Commands;

/// <summary><c>gifting cards ...</c>: issue to a CSV file, look up, history, freeze and unfreeze.</summary>
public static class CardCommands
{
    public static Command Create(Runner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var cards = new Command("cards", "Issue, look up, trace and freeze gift cards.");
        cards.Subcommands.Add(Issue(runner));
        cards.Subcommands.Add(
            Read(runner, "show", "A card by serial: status, value, marketplace (never its code).", ""));
        cards.Subcommands.Add(Read(runner, "history", "What happened to a card: issued, activated, redeemed...",
            "/history"));
        cards.Subcommands.Add(Freeze(runner, "freeze", "Freeze a card: it refuses redemption and activation."));
        cards.Subcommands.Add(Freeze(runner, "unfreeze", "Unfreeze a card."));
        return cards;
    }

    private static Argument<string> Serial() => new("serial") { Description = "The card's 16-digit serial." };

    private static Command Read(Runner runner, string name, string description, string suffix)
    {
        var serial = Serial();
        var command = new Command(name, description) { serial };
        command.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.GetAsync($"/api/cards/{ApiClient.Escape(parsed.GetValue(serial)!)}{suffix}", c), ct));
        return command;
    }

    private static Command Freeze(Runner runner, string name, string description) =>
        ReasonCommand.Create(runner, name, description, Serial(), serial => $"/api/cards/{serial}/{name}",
            "Why (kept in the card's history).");

    private static Command Issue(Runner runner)
    {
        var count = new Option<int>("--count") { Description = "How many cards (1-1000).", Required = true };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--count must be between 1 and 1000.");
        });
        var currency = new Option<string>("--currency") { Description = "ISO 4217 code, e.g. USD.", Required = true };
        var value = new Option<string>("--value") { Description = "Each card's value in major units, e.g. 25.00.",
            Required = true };
        var marketplace = new Option<string>("--marketplace") { Description = "e.g. US, GB, JP.", Required = true };
        var kind = new Option<string>("--kind") { Description = "digital or physical.", DefaultValueFactory = _ =>
            "digital" }.AcceptOnlyFromAmong("digital", "physical");
        var activated = new Option<bool>("--activated") { Description = "Issue physical cards already active." };
        var file = new Option<FileInfo>("--out")
        {
            Description = "CSV file to create for the codes (never overwritten).", Required = true,
        };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Names the batch: repeat it to retry safely (a retry lists the cards without codes).",
        };
        value.Validators.Add(r => Amounts.Validate(r, () => r.GetValue(currency)));
        var command = new Command("issue",
            "Issue a batch of cards and write serials and codes to a new CSV file; codes are shown only there.")
        {
            count, value, currency, marketplace, kind, activated, file, key,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            // The file is created before the cards: a code is shown once, so it must have somewhere to go.
            FileStream stream;
            try
            {
                stream = new FileStream(path.FullName, FileMode.CreateNew, FileAccess.Write);
            }
            catch (IOException e)
            {
                await runner.Error.WriteLineAsync($"Cannot create {path.FullName}: {e.Message}");
                return ExitCodes.FileError;
            }
            int result;
            await using (stream)
            {
                var batchKey = parsed.GetValue(key) ?? "cli-" + Guid.NewGuid().ToString("N");
                await runner.Error.WriteLineAsync($"Idempotency-Key: {batchKey}");
                var body = new
                {
                    count = parsed.GetValue(count),
                    value = new
                    {
                        amount = Amounts.ToMinor(parsed.GetValue(value)!, parsed.GetValue(currency)!, out _),
                        currency = parsed.GetValue(currency),
                    },
                    marketplace = parsed.GetValue(marketplace),
                    kind = parsed.GetValue(kind),
                    activated = parsed.GetValue(activated),
                };
                result = await runner.CallAsync(parsed, (api, c) => api.PostAsync("/api/cards", body, c, batchKey), ct,
                    async answer =>
                    {
                        var issued = answer.Json!.Value.GetProperty("cards");
                        await WriteCsvAsync(stream, issued, ct);
                        var listed = issued.EnumerateArray().Select(c => new
                        {
                            cardId = c.GetProperty("cardId").GetString(), serial = c.GetProperty("serial").GetString(),
                            last4 = c.GetProperty("last4").GetString(), status = c.GetProperty("status").GetString(),
                        }).ToList();
                        var summary = JsonSerializer.Serialize(new { file = path.FullName, cards = listed },
                            ApiClient.Json);
                        await runner.Write(parsed, answer with { Text = summary, Json = JsonDocument.Parse(summary)
                            .RootElement });
                        return ExitCodes.Ok;
                    });
            }
            // Nothing was issued (or nothing answered): no empty file is left to look like a batch.
            if (result != ExitCodes.Ok) path.Delete();
            return result;
        });
        return command;
    }

    private static async Task WriteCsvAsync(Stream stream, JsonElement cards, CancellationToken ct)
    {
        var csv = new StringBuilder("cardId,serial,code,last4,status\n");
        foreach (var card in cards.EnumerateArray())
        {
            var code = card.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString()
                : "";
            csv.Append(CultureInfo.InvariantCulture, $"{card.GetProperty("cardId").GetString()},")
                .Append(CultureInfo.InvariantCulture, $"{card.GetProperty("serial").GetString()},{code},")
                .Append(CultureInfo.InvariantCulture, $"{card.GetProperty("last4").GetString()},")
                .Append(CultureInfo.InvariantCulture, $"{card.GetProperty("status").GetString()}\n");
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()), ct);
    }
}
