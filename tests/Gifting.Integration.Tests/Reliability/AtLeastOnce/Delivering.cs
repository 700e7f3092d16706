using System.Net;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// The host's side of a Service Bus trigger: one message handed to its function until an invocation answers 2xx, up
/// to the queue's maximum delivery count, each time with the next delivery count.
/// </summary>
public static class Delivering
{
    /// <summary>Service Bus's default maximum delivery count, which the app's queues keep.</summary>
    public const int MaxDeliveryCount = 10;

    /// <summary>The statuses of the invocations; the last is 2xx unless the message would be dead-lettered.</summary>
    /// <param name="handler">The app's invocation client.</param>
    /// <param name="function">The function's name.</param>
    /// <param name="body">The message body.</param>
    /// <param name="messageId">The message's id.</param>
    /// <param name="firstDeliveryCount">The delivery count of the first invocation.</param>
    /// <param name="between">Run between a failed invocation and the next, as the lock's expiry passes.</param>
    public static async Task<List<HttpStatusCode>> UntilCompletedAsync(
        HttpClient handler, string function, string body, string messageId, int firstDeliveryCount = 1,
        Func<Task>? between = null)
    {
        var statuses = new List<HttpStatusCode>();
        for (var count = firstDeliveryCount; count <= MaxDeliveryCount; count++)
        {
            using var response = await handler.InvokeAsync(function,
                HostPayloads.ServiceBus("message", body, messageId, count));
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode) break;
            if (between is not null) await between();
        }
        return statuses;
    }

    /// <summary>Whether the last invocation completed the message.</summary>
    public static bool Completed(IReadOnlyList<HttpStatusCode> statuses) =>
        statuses.Count > 0 && (int)statuses[^1] is >= 200 and < 300;
}
