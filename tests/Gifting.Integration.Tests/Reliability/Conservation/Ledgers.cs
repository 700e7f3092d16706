using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// One ledger partition read from the store (a shopper's in <c>ledger</c>, an org's in <c>funding</c>): the balance
/// its latest entry carries, the balance its entries add up to, and the sums by kind the conservation check needs.
/// </summary>
internal sealed record LedgerSums(long Latest, long Recomputed, bool Gapless, long Spent, long Expired)
{
    public static async Task<LedgerSums> ReadAsync(Container container, string pk)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry'")
            .WithParameter("@pk", pk);
        var entries = new List<JsonElement>();
        using (var feed = container.GetItemQueryIterator<JsonElement>(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(pk) }))
            while (feed.HasMoreResults) entries.AddRange(await feed.ReadNextAsync());
        entries = [.. entries.OrderBy(e => e.GetProperty("seq").GetInt64())];
        var gapless = entries.Select((e, i) => e.GetProperty("seq").GetInt64() == i + 1).All(ok => ok);
        var latest = entries.Count == 0
            ? 0
            : entries[^1].GetProperty("gift").GetInt64()
                + entries[^1].GetProperty("lots").EnumerateArray().Sum(l => l.GetProperty("amount").GetInt64());
        long Sum(Func<JsonElement, bool> which) => entries.Where(which).Sum(Amount);
        var spent = -Sum(e => Type(e) == "debit") - Sum(e => Type(e) == "refund" && FromBalance(e));
        return new LedgerSums(latest, entries.Sum(Amount), gapless, spent, -Sum(e => Type(e) == "promo_expiry"));
    }

    private static long Amount(JsonElement e) => e.GetProperty("amount").GetProperty("amount").GetInt64();

    private static string Type(JsonElement e) => e.GetProperty("type").GetString() ?? "";

    /// <summary>A refund from balance carries its allocation; an external one carries none.</summary>
    private static bool FromBalance(JsonElement e) =>
        e.TryGetProperty("allocation", out var a) && a.ValueKind == JsonValueKind.Object;
}
