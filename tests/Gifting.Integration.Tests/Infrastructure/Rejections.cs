using System.Text.Json;

namespace Gifting.Integration.Tests.Infrastructure;

public static class Rejections
{
    /// <summary>The recorded rejections that mention <paramref name="fragment"/> (a scan: test data only).</summary>
    public static async Task<List<JsonElement>> RejectionsMentioningAsync(this CosmosFixture cosmos, string fragment)
    {
        var found = new List<JsonElement>();
        using var feed = cosmos.Containers().Rejections.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults)
        {
            var page = await feed.ReadNextAsync();
            found.AddRange(page.Where(d => d.GetRawText().Contains(fragment, StringComparison.Ordinal)));
        }
        return found;
    }
}
