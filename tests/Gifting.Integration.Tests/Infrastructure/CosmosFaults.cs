using System.Globalization;
using System.Net;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// Sits on the app's real Cosmos DB connection and answers the requests a test picks with a failure of its own;
/// everything else reaches the database. The SDK runs custom handlers above its retry policy, so an injected status
/// is what the app sees once the SDK's own retries are spent.
/// </summary>
public sealed class CosmosFaults : RequestHandler
{
    private volatile Rule? _rule;
    private int _matched;

    /// <summary>How many requests the current rule matched, whether or not its limit let the fault through.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>Answers requests matching <paramref name="when"/> with <paramref name="status"/>, at most
    /// <paramref name="limit"/> times.</summary>
    public void Inject(
        Func<RequestMessage, bool> when, HttpStatusCode status, TimeSpan? retryAfter = null, int limit = int.MaxValue)
    {
        Volatile.Write(ref _matched, 0);
        _rule = new Rule(when, status, retryAfter, limit);
    }

    public void Clear() => _rule = null;

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (_rule is not { } rule || !rule.When(request) || Interlocked.Increment(ref _matched) > rule.Limit)
            return base.SendAsync(request, cancellationToken);
        // No error message: given one, the SDK builds the response's exception at once, without the headers set below.
        var response = new ResponseMessage(rule.Status, request);
        if (rule.RetryAfter is { } wait)
            response.Headers.Set("x-ms-retry-after-ms", Milliseconds(wait));
        return Task.FromResult(response);
    }

    /// <summary>A request to the named container (its documents included).</summary>
    public static bool Targets(RequestMessage request, string container) =>
        request.RequestUri.OriginalString.Contains($"/colls/{container}", StringComparison.Ordinal);

    /// <summary>Makes the app's Cosmos client pass through <paramref name="faults"/>.</summary>
    public static void Install(IServiceCollection services, CosmosFixture cosmos, CosmosFaults faults) =>
        services.AddSingleton(_ => GiftingContainers.CreateClient(cosmos.Options(), GiftingJson.Options, faults));

    private static string Milliseconds(TimeSpan wait) =>
        ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private sealed record Rule(Func<RequestMessage, bool> When, HttpStatusCode Status, TimeSpan? RetryAfter, int Limit);
}
