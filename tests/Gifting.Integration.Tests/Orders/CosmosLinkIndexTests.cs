using Gifting.Core;
using Gifting.Core.Links;
using Gifting.Core.Orders;
using Gifting.Infra.Cosmos;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class CosmosLinkIndexTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Add_ThenAddAgain_KeepsTheFirstEntry_FoundByAnyOfItsCandidateHashes()
    {
        var index = new CosmosLinkIndex(cosmos.Containers());
        var hash = "link-v1-" + Guid.NewGuid().ToString("N");
        var line = new LineRef(OrgId.Parse(Api.NewId("org")), Api.NewId("order"), 3);
        var expiresAt = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var entry = new LinkEntry(hash, "code-v1-" + Guid.NewGuid().ToString("N"), line, expiresAt);

        await index.AddAsync(entry, CancellationToken.None);
        await index.AddAsync(entry with { CodeHash = "code-v1-other" }, CancellationToken.None);
        var found = await index.FindAsync(["link-v2-" + Guid.NewGuid().ToString("N"), hash], CancellationToken.None);
        var unknown = await index.FindAsync(["link-v1-" + Guid.NewGuid().ToString("N")], CancellationToken.None);

        Assert.Equal(entry, found);
        Assert.Null(unknown);
    }
}
