using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// An account's ledger read straight from Cosmos DB and checked against itself and against the balance the API
/// shows: sequence numbers without gaps, each entry moving the balance by exactly its amount, one entry per operation
/// key, and the shown balance equal to the last entry's.
/// </summary>
public static class LedgerAudit
{
    /// <summary>The account's entries, oldest first.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(CosmosFixture cosmos, string account)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry'")
            .WithParameter("@pk", account);
        var entries = new List<JsonElement>();
        using var feed = cosmos.Containers().Ledger.GetItemQueryIterator<JsonElement>(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(account) });
        while (feed.HasMoreResults) entries.AddRange(await feed.ReadNextAsync());
        return [.. entries.OrderBy(e => e.GetProperty("seq").GetInt64())];
    }

    /// <summary>What is wrong with the account's ledger and shown balance; empty when nothing is.</summary>
    /// <param name="cosmos">The database.</param>
    /// <param name="account">The account.</param>
    /// <param name="balance">The balance the API shows for it, or null to check the ledger alone.</param>
    public static async Task<List<string>> ViolationsAsync(CosmosFixture cosmos, string account, JsonElement? balance)
    {
        var entries = await EntriesAsync(cosmos, account);
        var problems = new List<string>();
        long gift = 0, promotional = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var seq = entry.GetProperty("seq").GetInt64();
            if (seq != i + 1) problems.Add($"{account}: entry {i + 1} has seq {seq}");
            var afterGift = entry.GetProperty("gift").GetInt64();
            var afterPromotional = entry.GetProperty("lots").EnumerateArray()
                .Sum(l => l.GetProperty("amount").GetInt64());
            var moved = afterGift + afterPromotional - gift - promotional;
            // Amounts taken out are stored negative: the balance moves by exactly the signed amount.
            var amount = entry.GetProperty("amount").GetProperty("amount").GetInt64();
            if (moved != amount)
                problems.Add($"{account}: entry {seq} ({Type(entry)}) of {amount} moved the balance by {moved}");
            if (afterGift < 0 || afterPromotional < 0) problems.Add($"{account}: entry {seq} is negative");
            (gift, promotional) = (afterGift, afterPromotional);
        }
        foreach (var repeated in entries.GroupBy(e => e.GetProperty("opKey").GetString()).Where(g => g.Count() > 1))
            problems.Add($"{account}: operation {repeated.Key} posted {repeated.Count()} times");
        if (balance is { } shown)
        {
            var shownGift = shown.GetProperty("gift").GetProperty("amount").GetInt64();
            var shownPromotional = shown.GetProperty("promotional").GetProperty("amount").GetInt64();
            if (shownGift != gift || shownPromotional != promotional)
                problems.Add($"{account}: shows {shownGift}+{shownPromotional}, the ledger says {gift}+{promotional}");
        }
        return problems;
    }

    /// <summary>The entries of one type, e.g. <c>refund</c>.</summary>
    public static int Count(IEnumerable<JsonElement> entries, string type) => entries.Count(e => Type(e) == type);

    /// <summary>The entry's type as the ledger stores it.</summary>
    public static string Type(JsonElement entry) => entry.GetProperty("type").GetString() ?? "";

    /// <summary>The account's balance as an operator sees it.</summary>
    public static async Task<JsonElement> BalanceAsync(GiftingFactory app, string account)
    {
        using var response = await app.ClientFor("support-1", "support").GetAsync($"/api/accounts/{account}/balance");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.JsonAsync();
    }
}
