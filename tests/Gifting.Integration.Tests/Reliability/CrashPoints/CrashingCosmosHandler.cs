using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// A Cosmos DB request handler on the app's real client: every document write (create, upsert, replace, patch,
/// delete) is a boundary of <see cref="CrashSeams"/>, and once the process is dead every request fails, reads too.
/// </summary>
public sealed class CrashingCosmosHandler(CrashSeams seams) : RequestHandler
{
    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        seams.ThrowIfDead();
        return IsDocumentWrite(request)
            ? seams.PassAsync(Describe(request), () => base.SendAsync(request, cancellationToken))
            : base.SendAsync(request, cancellationToken);
    }

    /// <summary>A write of a document: not a query, a read, a feed or a container operation.</summary>
    public static bool IsDocumentWrite(RequestMessage request)
    {
        var uri = request.RequestUri.OriginalString;
        if (!uri.Contains("/colls/", StringComparison.Ordinal)) return false;
        var method = request.Method.Method;
        // Replace, patch and delete name the document; create and upsert post to the container, as queries do.
        if (method is "PUT" or "PATCH" or "DELETE") return uri.Contains("/docs/", StringComparison.Ordinal);
        if (method != "POST" || uri.Contains("/docs/", StringComparison.Ordinal)) return false;
        var query = request.Headers["x-ms-documentdb-isquery"];
        var plan = request.Headers["x-ms-cosmos-is-query-plan-request"];
        var type = request.Headers.ContentType;
        return !string.Equals(query, "true", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(plan, "true", StringComparison.OrdinalIgnoreCase)
            && (type is null || !type.Contains("query", StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(RequestMessage request)
    {
        var uri = request.RequestUri.OriginalString;
        var colls = uri.IndexOf("/colls/", StringComparison.Ordinal);
        var container = colls < 0 ? uri : uri[(colls + 7)..].Split('/')[0];
        var upsert = request.Headers["x-ms-documentdb-is-upsert"] is { } u
            && u.Equals("true", StringComparison.OrdinalIgnoreCase);
        var verb = request.Method.Method switch
        {
            "POST" => upsert ? "upsert" : "create",
            "PUT" => "replace",
            "PATCH" => "patch",
            _ => "delete",
        };
        return $"cosmos {verb} {container}";
    }
}
