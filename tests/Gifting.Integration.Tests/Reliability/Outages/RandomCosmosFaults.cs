using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.Outages;

/// <summary>
/// A Cosmos DB request handler that answers a seeded share of requests with a failure of Cosmos DB's own: 429 with
/// <c>x-ms-retry-after-ms</c>, 503, 408, or a slow answer (the request reaches the database late, or times out
/// after the wait). The SDK runs custom handlers above its retry policy, so what it injects is what the app sees
/// once the SDK's retries are spent. Off until <see cref="Start"/>.
/// </summary>
public sealed class RandomCosmosFaults(int seed) : RequestHandler
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private volatile bool _on;
    private double _rate;
    private long _throttled, _unavailable, _timedOut, _slow;

    /// <summary>The share of requests that fail, from now on.</summary>
    public void Start(double rate)
    {
        lock (_gate) _rate = rate;
        _on = true;
    }

    public void Stop() => _on = false;

    /// <summary>Faults injected so far: throttles, unavailables, timeouts and slow answers.</summary>
    public long Injected => Interlocked.Read(ref _throttled) + Interlocked.Read(ref _unavailable)
        + Interlocked.Read(ref _timedOut) + Interlocked.Read(ref _slow);

    public override string ToString() =>
        $"429: {_throttled}, 503: {_unavailable}, 408: {_timedOut}, slow: {_slow}";

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (!_on) return await base.SendAsync(request, cancellationToken);
        int kind, waitMs;
        lock (_gate)
        {
            if (_random.NextDouble() >= _rate) kind = -1;
            else kind = _random.Next(5);
            waitMs = _random.Next(20, 400);
        }
        switch (kind)
        {
            case 0:
            case 1:
                Interlocked.Increment(ref _throttled);
                var throttled = new ResponseMessage(HttpStatusCode.TooManyRequests, request);
                throttled.Headers.Set("x-ms-retry-after-ms", waitMs.ToString(CultureInfo.InvariantCulture));
                return throttled;
            case 2:
                Interlocked.Increment(ref _unavailable);
                return new ResponseMessage(HttpStatusCode.ServiceUnavailable, request);
            case 3:
                Interlocked.Increment(ref _timedOut);
                await Task.Delay(waitMs / 4, cancellationToken);
                return new ResponseMessage(HttpStatusCode.RequestTimeout, request);
            case 4:
                Interlocked.Increment(ref _slow);
                await Task.Delay(waitMs, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}
