using System.Security.Cryptography;
using System.Text;
using Gifting.Core.Messaging;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>Rejected messages, one document per queue and message key, kept 30 days for operators to inspect.</summary>
public sealed class CosmosRejectedMessages(GiftingContainers containers) : IRejectedMessages
{
    private const int KeepSeconds = 30 * 24 * 3600;
    private const int MaxBodyChars = 8192;

    public Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken)
    {
        var id = $"{message.Queue}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Key)))}";
        var body = message.Body.Length > MaxBodyChars ? message.Body[..MaxBodyChars] : message.Body;
        return containers.Rejections.UpsertItemAsync(
            new RejectionDocument(id, id, message.Queue, message.Reason, body, message.RejectedAt, KeepSeconds),
            new PartitionKey(id), cancellationToken: cancellationToken);
    }

    internal sealed record RejectionDocument(
        string Id, string Pk, string Queue, string Reason, string Body, DateTimeOffset RejectedAt, int Ttl);
}
