using Gifting.Core.Idempotency;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>Idempotency records, one document per key, kept for eight days (the contract promises seven).</summary>
public sealed class CosmosIdempotencyStore(GiftingContainers containers) : IIdempotencyStore
{
    private const int KeepSeconds = 8 * 24 * 3600;

    private Container Records => containers.Idempotency;

    public async Task<IdempotencyRecord?> TryBeginAsync(string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Records.CreateItemAsync(Running(key, fingerprint, lockedUntil), new PartitionKey(key), cancellationToken: cancellationToken);
                return null;
            }
            catch (CosmosException e) when (e.IsConflict())
            {
                var (existing, etag) = await Records.ReadOrNullAsync<RecordDocument>(key, key, cancellationToken);
                if (existing is not null)
                {
                    return new IdempotencyRecord(key, existing.Fingerprint, existing.Completed, existing.Status, existing.ContentType,
                        existing.Body, existing.LockedUntil, etag!);
                }
                // Released between our create and read: try to claim it again.
            }
        }
    }

    public async Task<bool> TryTakeOverAsync(IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        try
        {
            await Records.ReplaceItemAsync(Running(abandoned.Key, abandoned.Fingerprint, lockedUntil), abandoned.Key,
                new PartitionKey(abandoned.Key), new ItemRequestOptions { IfMatchEtag = abandoned.ETag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return false;
        }
    }

    public Task CompleteAsync(string key, string fingerprint, int status, string? contentType, byte[] body, CancellationToken cancellationToken) =>
        Records.UpsertItemAsync(new RecordDocument(key, key, fingerprint, true, status, contentType, body, DateTimeOffset.MinValue, KeepSeconds),
            new PartitionKey(key), cancellationToken: cancellationToken);

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await Records.DeleteItemAsync<RecordDocument>(key, new PartitionKey(key), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Nothing to forget.
        }
    }

    private static RecordDocument Running(string key, string fingerprint, DateTimeOffset lockedUntil) =>
        new(key, key, fingerprint, false, 0, null, null, lockedUntil, KeepSeconds);

    internal sealed record RecordDocument(
        string Id, string Pk, string Fingerprint, bool Completed, int Status, string? ContentType, byte[]? Body,
        DateTimeOffset LockedUntil, int Ttl);
}
