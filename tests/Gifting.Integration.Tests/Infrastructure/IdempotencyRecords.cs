using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>Direct access to the idempotency record a caller's key is stored under, to inspect it or lose it.</summary>
public static class IdempotencyRecords
{
    public static string IdFor(string subject, string key) =>
        "idem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{key}")));

    /// <summary>The record's version, or null if there is none.</summary>
    public static async Task<string?> ETagAsync(GiftingFactory app, string subject, string key)
    {
        var id = IdFor(subject, key);
        try
        {
            return (await Records(app).ReadItemAsync<JsonElement>(id, new PartitionKey(id))).ETag;
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static async Task DeleteAsync(GiftingFactory app, string subject, string key)
    {
        var id = IdFor(subject, key);
        await Records(app).DeleteItemAsync<JsonElement>(id, new PartitionKey(id));
    }

    private static Container Records(GiftingFactory app) =>
        app.Services.GetRequiredService<GiftingContainers>().Idempotency;
}
