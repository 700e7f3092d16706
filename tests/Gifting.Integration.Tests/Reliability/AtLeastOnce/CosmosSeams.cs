using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>Puts request handlers of a test's own on the app's real Cosmos DB client.</summary>
public static class CosmosSeams
{
    /// <summary>Makes the app's Cosmos client pass every request through <paramref name="handlers"/>.</summary>
    public static void Install(IServiceCollection services, CosmosFixture cosmos, params RequestHandler[] handlers) =>
        services.AddSingleton(_ => GiftingContainers.CreateClient(cosmos.Options(), GiftingJson.Options, handlers));
}
