using System.Collections.Concurrent;
using Gifting.Core.Messaging;

namespace Gifting.Testing;

/// <summary>One record per queue and message key, written over when recorded again, as the Cosmos upsert is.</summary>
public sealed class InMemoryRejectedMessages : IRejectedMessages
{
    private readonly ConcurrentDictionary<(string Queue, string Key), RejectedMessage> _messages = new();

    public IReadOnlyCollection<RejectedMessage> Messages => [.. _messages.Values];

    public Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages[(message.Queue, message.Key)] = message;
        return Task.CompletedTask;
    }
}
