using System.Net;
using Gifting.Testing;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>Where an armed <see cref="WriteFaults"/> stops a run.</summary>
public enum WriteFault
{
    /// <summary>The write reaches the database, then the process dies before hearing back.</summary>
    CrashAfter,

    /// <summary>The write is refused with 503, as Cosmos DB answers when it is unavailable.</summary>
    RefuseBefore,
}

/// <summary>
/// A Cosmos DB request handler on the app's client that stops the n-th write of a run, once, either after it reached
/// the database (a crash) or before (a refusal): sweeping n over a run's writes stops it at every step it has.
/// </summary>
public sealed class WriteFaults : RequestHandler
{
    private readonly Lock _gate = new();
    private int _writes;
    private int _at;
    private WriteFault _fault;
    private bool _fired;

    /// <summary>Whether the armed fault was reached.</summary>
    public bool Fired
    {
        get
        {
            lock (_gate) return _fired;
        }
    }

    /// <summary>The next run's <paramref name="at"/>-th write (from 1) meets <paramref name="fault"/>.</summary>
    public void Arm(int at, WriteFault fault)
    {
        lock (_gate) (_writes, _at, _fault, _fired) = (0, at, fault, false);
    }

    public void Disarm()
    {
        lock (_gate) _at = 0;
    }

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        WriteFault? fault = null;
        if (IsWrite(request))
        {
            lock (_gate)
            {
                if (_at > 0 && ++_writes == _at)
                {
                    (fault, _fired, _at) = (_fault, true, 0);
                }
            }
        }
        if (fault == WriteFault.RefuseBefore) return new ResponseMessage(HttpStatusCode.ServiceUnavailable, request);
        var response = await base.SendAsync(request, cancellationToken);
        if (fault == WriteFault.CrashAfter) throw new SimulatedCrashException();
        return response;
    }

    /// <summary>Creates, replaces, upserts, patches and deletes of documents.</summary>
    public static bool IsWrite(RequestMessage request) =>
        request.RequestUri.OriginalString.Contains("/docs", StringComparison.Ordinal)
        && (request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
            || request.Method.Method == "PATCH"
            || (request.Method == HttpMethod.Post && !IsQuery(request)));

    private static bool IsQuery(RequestMessage request) =>
        request.Headers["x-ms-documentdb-isquery"] is "True" or "true"
        || request.Headers["Content-Type"] is "application/query+json";
}
