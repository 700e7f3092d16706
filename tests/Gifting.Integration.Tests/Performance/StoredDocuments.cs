using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Performance;

/// <summary>One kind of document's stored sizes: the raw JSON the database answers, system fields and all.</summary>
public sealed record DocumentKind(
    string Container, string Kind, int Count, int MinBytes, int MedianBytes, int MaxBytes);

/// <summary>
/// Reads back every document written since a moment, from every container the app defines, through the stream API
/// (so the bytes are the stored JSON, not a re-serialised object), and groups them by kind: the <c>docType</c> field
/// where a document has one, else the alphabetic start of its partition key (<c>lots</c>, <c>watermark</c>).
/// New shapes are picked up without naming them here.
/// </summary>
public static partial class StoredDocuments
{
    public static async Task<IReadOnlyList<DocumentKind>> SinceAsync(CosmosClient client, string database,
        DateTimeOffset since)
    {
        var sizes = new List<(string Container, string Kind, int Bytes)>();
        foreach (var definition in GiftingContainers.Definitions())
        {
            // The whole feed, filtered here: the emulator plans no cross-partition query with a filter.
            using var feed = client.GetContainer(database, definition.Id).GetItemQueryStreamIterator((string?)null);
            while (feed.HasMoreResults)
            {
                using var page = await feed.ReadNextAsync();
                page.EnsureSuccessStatusCode();
                using var json = await JsonDocument.ParseAsync(page.Content);
                foreach (var document in json.RootElement.GetProperty("Documents").EnumerateArray()
                    .Where(d => d.GetProperty("_ts").GetInt64() >= since.ToUnixTimeSeconds()))
                    sizes.Add((definition.Id, KindOf(document), Encoding.UTF8.GetByteCount(document.GetRawText())));
            }
        }
        return sizes.GroupBy(s => (s.Container, s.Kind)).OrderBy(g => g.Key.Container).ThenBy(g => g.Key.Kind)
            .Select(g =>
            {
                var bytes = g.Select(s => s.Bytes).Order().ToArray();
                return new DocumentKind(g.Key.Container, g.Key.Kind, bytes.Length, bytes[0], bytes[bytes.Length / 2],
                    bytes[^1]);
            })
            .ToList();
    }

    private static string KindOf(JsonElement document) =>
        document.TryGetProperty("docType", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : KeyStart(document.GetProperty("pk").GetString() ?? "");

    /// <summary>
    /// The leading words of a partition key (<c>redemptions-watermark</c>, <c>lots</c>, <c>idem</c>), up to the first
    /// part that is not a word: a number, a hash, an id.
    /// </summary>
    private static string KeyStart(string key)
    {
        var words = key.Split('-', ':', '_').TakeWhile(part => Word().IsMatch(part)).ToArray();
        return words.Length > 0 ? string.Join('-', words) : "(other)";
    }

    /// <summary>Letters only, and not all of them hexadecimal digits.</summary>
    [GeneratedRegex("^(?=[A-Za-z]*[g-zG-Z])[A-Za-z]+$")]
    private static partial Regex Word();
}
