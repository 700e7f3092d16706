using System.Security.Cryptography;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Gifting.LocalHost;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// A Cosmos DB for the whole run: the npm emulator, started here, or, when GIFTING_TEST_COSMOS_ENDPOINT and
/// GIFTING_TEST_COSMOS_KEY are set, a real account or the official emulator (a fresh database, deleted afterwards).
/// </summary>
public sealed class CosmosFixture : IAsyncLifetime
{
    private CosmosEmulator? _emulator;

    public string Endpoint { get; private set; } = "";
    public string Key { get; private set; } = "";
    public bool IsEmulator => _emulator is not null;
    public string Database { get; } = "gifting-tests-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    public string CodeKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("GIFTING_TEST_COSMOS_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            _emulator = await CosmosEmulator.StartAsync(CancellationToken.None);
            Endpoint = _emulator.Endpoint;
            Key = CosmosEmulator.Key;
        }
        else
        {
            Endpoint = endpoint;
            Key = Environment.GetEnvironmentVariable("GIFTING_TEST_COSMOS_KEY")
                ?? throw new InvalidOperationException(
                    "GIFTING_TEST_COSMOS_KEY must be set with GIFTING_TEST_COSMOS_ENDPOINT.");
        }
        await Containers().EnsureCreatedAsync(CancellationToken.None);
    }

    /// <summary>Stops the emulator or deletes the database, unless the secrets scan still has to read it.</summary>
    public Task DisposeAsync() =>
        Reliability.Secrets.FinalScan.TakesOver(this) ? Task.CompletedTask : ReleaseAsync();

    public async Task ReleaseAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            return;
        }
        using var client = CreateClient();
        await client.GetDatabase(Database).DeleteAsync();
    }

    public Dictionary<string, string?> Settings() => LocalSettings.For(Endpoint, Key, IsEmulator, CodeKey, Database);

    public CosmosOptions Options() => new()
    {
        Endpoint = Endpoint, Key = Key, Database = Database, Emulator = IsEmulator, CreateIfMissing = true,
    };

    public CosmosClient CreateClient() => GiftingContainers.CreateClient(Options(), GiftingJson.Options);

    public GiftingContainers Containers() => new(CreateClient(), Options());
}

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosFixture>
{
    public const string Name = "cosmos";
}
