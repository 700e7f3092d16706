using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// The liability report against a full scan of the marketplace's cards, ledgers and funding, figure by figure, by
/// the same definitions as <c>LiabilityReconciliationTests</c>: unredeemed card value, gift and promotional
/// balances, pending review, corporate funding, and breakage in the period asked.
/// </summary>
internal static class LiabilityScan
{
    private const string Market = ConservationApp.Market;
    private const string Currency = ConservationApp.Currency;

    private static readonly string[] Names =
        ["unredeemedCardValue", "giftBalances", "promotionalBalances", "pendingReview", "corporateFunding", "breakage"];

    /// <summary>Null when the report equals the scan to the cent; otherwise both, figure by figure.</summary>
    public static async Task<string?> DifferencesAsync(ConservationApp app)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-1), today.AddDays(2));
        var finance = app.Orders.App.ClientFor("cons-finance", "finance", Market);
        var answer = await Answer.ReadAsync(finance.GetAsync(
            $"/api/reports/liability?marketplace={Market}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        if (answer.Status != 200) return $"liability report answered {answer}";
        var items = answer.Body.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("giftBalances").GetProperty("currency").GetString() == Currency).ToList();
        var reported = items.Count == 0
            ? new long[Names.Length]
            : Names.Select(n => items[0].GetProperty(n).GetProperty("amount").GetInt64()).ToArray();
        var scanned = await ScanAsync(app, from, to);
        return scanned.SequenceEqual(reported)
            ? null
            : "liability report " + string.Join(", ", Names.Select((n, i) => $"{n} {reported[i]}"))
                + " but the scan finds " + string.Join(", ", Names.Select((n, i) => $"{n} {scanned[i]}"));
    }

    private static async Task<long[]> ScanAsync(ConservationApp app, DateOnly from, DateOnly to)
    {
        var containers = app.Containers;
        var cards = (await AllAsync(containers.Cards)).Where(c => c.GetProperty("docType").GetString() == "card"
            && c.GetProperty("marketplace").GetString() == Market).ToList();
        long CardsIn(params string[] statuses) => cards
            .Where(c => statuses.Contains(c.GetProperty("status").GetString()))
            .Sum(c => c.GetProperty("value").GetProperty("amount").GetInt64());
        var entries = (await AllAsync(containers.Ledger)).Where(e => e.GetProperty("docType").GetString() == "entry"
            && e.GetProperty("marketplace").GetString() == Market).ToList();
        var latest = entries.GroupBy(e => e.GetProperty("pk").GetString())
            .Select(g => g.MaxBy(e => e.GetProperty("seq").GetInt64())).ToList();
        var gift = latest.Sum(e => e.GetProperty("gift").GetInt64());
        var promotional = latest.Sum(e => e.GetProperty("lots").EnumerateArray()
            .Sum(l => l.GetProperty("amount").GetInt64()));
        // An expiry entry's amount is what it took (negative); breakage is reported as the value forfeited.
        var breakage = -entries.Where(e => e.GetProperty("type").GetString() == "promo_expiry")
            .Where(e => DateOnly.FromDateTime(e.GetProperty("occurredAt").GetDateTimeOffset().UtcDateTime) is var d
                && d >= from && d < to)
            .Sum(e => e.GetProperty("amount").GetProperty("amount").GetInt64());
        var funding = (await AllAsync(containers.Funding))
            .Where(e => e.GetProperty("docType").GetString() == "entry"
                && e.GetProperty("amount").GetProperty("currency").GetString() == Currency)
            .GroupBy(e => e.GetProperty("pk").GetString())
            .Sum(g => g.MaxBy(e => e.GetProperty("seq").GetInt64()).GetProperty("gift").GetInt64());
        return [CardsIn("active", "inactive"), gift, promotional, CardsIn("held"), funding, breakage];
    }

    private static async Task<List<JsonElement>> AllAsync(Container container)
    {
        var found = new List<JsonElement>();
        using var feed = container.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults) found.AddRange(await feed.ReadNextAsync());
        return found;
    }
}
