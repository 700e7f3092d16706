using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The containers and their partition keys. Every request-path operation is a point operation or a query inside one
/// logical partition: cards, serial-index and link-index entries by their own id, ledgers by account, funding by org,
/// counters and idempotency records by their key.
/// </summary>
public sealed class GiftingContainers(CosmosClient client, CosmosOptions options)
{
    public const string PartitionKeyPath = "/pk";

    public Container Cards => client.GetContainer(options.Database, "cards");
    public Container Ledger => client.GetContainer(options.Database, "ledger");
    public Container Funding => client.GetContainer(options.Database, "funding");
    public Container Throttles => client.GetContainer(options.Database, "throttles");
    public Container Idempotency => client.GetContainer(options.Database, "idempotency");
    public Container Expiries => client.GetContainer(options.Database, "expiries");
    public Container Rejections => client.GetContainer(options.Database, "rejections");
    public Container Orders => client.GetContainer(options.Database, "orders");
    public Container OrderLines => client.GetContainer(options.Database, "order-lines");
    public Container Liability => client.GetContainer(options.Database, "liability");

    /// <summary>
    /// The containers as the app needs them. Each indexes only what its queries filter on (see
    /// <see cref="IndexingPolicies"/>); a container read only by id indexes nothing beyond what Cosmos DB always does.
    /// </summary>
    public static IEnumerable<ContainerProperties> Definitions()
    {
        // Cards, serial indexes, batches and link indexes: each read by its id, never queried.
        yield return new ContainerProperties("cards", PartitionKeyPath) { IndexingPolicy = IndexingPolicies.Only() };
        yield return new ContainerProperties("ledger", PartitionKeyPath)
        {
            // Within an account, an operation (card, refund, debit...) posts at most one entry.
            UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { new UniqueKey { Paths = { "/opKey" } } } },
            // Entries by operation key, by reference and by sequence range; holds by type.
            IndexingPolicy = IndexingPolicies.Only("/pk", "/docType", "/opKey", "/reference", "/seq"),
        };
        // The orgs' funding ledgers: the ledger's documents, unique key and queries, apart from every shopper's.
        yield return new ContainerProperties("funding", PartitionKeyPath)
        {
            UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { new UniqueKey { Paths = { "/opKey" } } } },
            IndexingPolicy = IndexingPolicies.Only("/pk", "/docType", "/opKey", "/reference", "/seq"),
        };
        // Counters and idempotency records expire by their own ttl field.
        yield return new ContainerProperties("throttles", PartitionKeyPath)
        {
            DefaultTimeToLive = -1, IndexingPolicy = IndexingPolicies.Only(),
        };
        yield return new ContainerProperties("idempotency", PartitionKeyPath)
        {
            DefaultTimeToLive = -1, IndexingPolicy = IndexingPolicies.Only(),
        };
        // Promotional lots and unfinished redemptions by hour, and their watermarks: what the timers read.
        yield return new ContainerProperties("expiries", PartitionKeyPath)
        {
            IndexingPolicy = IndexingPolicies.Only("/pk", "/expiresAtMs", "/sinceMs"),
        };
        // Rejected messages by day, listed by queue within a day.
        yield return new ContainerProperties("rejections", PartitionKeyPath)
        {
            DefaultTimeToLive = -1, IndexingPolicy = IndexingPolicies.Only("/pk", "/queue"),
        };
        // Corporate orders by org, listed newest first among the visible ones.
        yield return new ContainerProperties("orders", PartitionKeyPath)
        {
            IndexingPolicy = IndexingPolicies.Only("/pk", "/visible", "/sortKey"),
        };
        // Running liability totals, one partition per marketplace, a few shard documents per currency and day.
        yield return new ContainerProperties("liability", PartitionKeyPath)
        {
            IndexingPolicy = IndexingPolicies.Only("/pk"),
        };
        // An order's lines by order, read by range of their place in it.
        yield return new ContainerProperties("order-lines", PartitionKeyPath)
        {
            IndexingPolicy = IndexingPolicies.Only("/pk", "/index"),
        };
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var database = (await client.CreateDatabaseIfNotExistsAsync(
            options.Database, cancellationToken: cancellationToken)).Database;
        await Task.WhenAll(Definitions().Select(definition =>
            database.CreateContainerIfNotExistsAsync(definition, cancellationToken: cancellationToken)));
    }

    /// <summary>Succeeds once the database answers: what "ready" means for this app.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        client.GetDatabase(options.Database).ReadAsync(cancellationToken: cancellationToken);

    /// <summary>The app's client; <paramref name="handlers"/> see every request first (tests inject faults).</summary>
    public static CosmosClient CreateClient(
        CosmosOptions options, System.Text.Json.JsonSerializerOptions json, params RequestHandler[] handlers)
    {
        var clientOptions = new CosmosClientOptions
        {
            Serializer = new StjCosmosSerializer(json),
            ApplicationName = "gifting",
            EnableContentResponseOnWrite = false,
        };
        if (options.Emulator)
        {
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.CustomHandlers.Add(new EmulatorCompatibilityHandler());
        }
        foreach (var handler in handlers) clientOptions.CustomHandlers.Add(handler);
        if (options.UsesKey) return new CosmosClient(options.Endpoint, options.Key, clientOptions);
        return new CosmosClient(
            options.Endpoint, ManagedIdentity.Credential(options.ManagedIdentityClientId), clientOptions);
    }
}
