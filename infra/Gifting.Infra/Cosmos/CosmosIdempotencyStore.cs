using Gifting.Core.Idempotency;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Idempotency records, one document per key, kept for eight days (the contract promises seven). A runner's lease is
/// the ETag of the record it wrote: completing and releasing are If-Match writes at that ETag.
/// </summary>
public sealed class CosmosIdempotencyStore(GiftingContainers containers) : IIdempotencyStore
{
    private const int KeepSeconds = 8 * 24 * 3600;

    private Container Records => containers.Idempotency;

    public async Task<IdempotencyBegin> TryBeginAsync(
        string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var running = Running(key, fingerprint, lockedUntil);
                var created = await Records.CreateItemAsync(
                    running, new PartitionKey(key), cancellationToken: cancellationToken);
                return new IdempotencyBegin(new IdempotencyLease(key, created.ETag), null);
            }
            catch (CosmosException e) when (e.IsConflict())
            {
                var (existing, etag) = await Records.ReadOrNullAsync<RecordDocument>(key, key, cancellationToken);
                if (existing is not null)
                {
                    var record = new IdempotencyRecord(key, existing.Fingerprint, existing.Completed, existing.Status,
                        existing.ContentType, existing.Body, existing.LockedUntil, etag!);
                    return new IdempotencyBegin(null, record);
                }
                // Released between our create and read: try to claim it again.
            }
        }
    }

    public async Task<IdempotencyLease?> TryTakeOverAsync(
        IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        var written = await ReplaceAsync(new IdempotencyLease(abandoned.Key, abandoned.ETag),
            Running(abandoned.Key, abandoned.Fingerprint, lockedUntil), cancellationToken);
        return written is null ? null : new IdempotencyLease(abandoned.Key, written);
    }

    public async Task<bool> CompleteAsync(
        IdempotencyLease lease, string fingerprint, int status, string? contentType, byte[] body,
        CancellationToken cancellationToken)
    {
        var completed = new RecordDocument(
            lease.Key, lease.Key, fingerprint, true, status, contentType, body, DateTimeOffset.MinValue, KeepSeconds);
        return await ReplaceAsync(lease, completed, cancellationToken) is not null;
    }

    public async Task<bool> ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await Records.DeleteItemAsync<RecordDocument>(lease.Key, new PartitionKey(lease.Key),
                new ItemRequestOptions { IfMatchEtag = lease.ETag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the record if it is still at the lease's version: its new version, or null if it moved on.
    /// </summary>
    private async Task<string?> ReplaceAsync(
        IdempotencyLease lease, RecordDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Records.ReplaceItemAsync(document, lease.Key, new PartitionKey(lease.Key),
                new ItemRequestOptions { IfMatchEtag = lease.ETag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return null;
        }
    }

    private static RecordDocument Running(string key, string fingerprint, DateTimeOffset lockedUntil) =>
        new(key, key, fingerprint, false, 0, null, null, lockedUntil, KeepSeconds);

    internal sealed record RecordDocument(
        string Id, string Pk, string Fingerprint, bool Completed, int Status, string? ContentType, byte[]? Body,
        DateTimeOffset LockedUntil, int Ttl);
}
