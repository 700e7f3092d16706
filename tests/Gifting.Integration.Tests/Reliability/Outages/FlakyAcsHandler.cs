using System.Net;

namespace Gifting.Integration.Tests.Reliability.Outages;

/// <summary>
/// ACS failing now and then, in the app's own ACS HttpClient pipeline: a seeded share of requests is answered 429 or
/// 503 with <c>Retry-After</c> (as ACS throttles), without reaching the service.
/// </summary>
public sealed class FlakyAcsHandler(FlakyAcsHandler.Switch control) : DelegatingHandler
{
    /// <summary>The shared state of every handler the client factory builds.</summary>
    public sealed class Switch(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Lock _gate = new();
        private double _rate;
        private long _failed;

        private volatile bool _on;

        public long Injected => Interlocked.Read(ref _failed);

        public void Start(double rate)
        {
            lock (_gate) _rate = rate;
            _on = true;
        }

        public void Stop() => _on = false;

        internal HttpStatusCode? Next()
        {
            if (!_on) return null;
            lock (_gate)
            {
                if (_random.NextDouble() >= _rate) return null;
                Interlocked.Increment(ref _failed);
                return _random.Next(2) == 0 ? HttpStatusCode.TooManyRequests : HttpStatusCode.ServiceUnavailable;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (control.Next() is not { } status) return await base.SendAsync(request, cancellationToken);
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Try again later.\"}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        response.Headers.TryAddWithoutValidation("x-ms-error-code", status.ToString());
        return response;
    }
}
