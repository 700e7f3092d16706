using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Indexing policies that index only the properties the app's queries filter on. Every indexed path adds to the
/// request charge of every write, so a container indexes what its queries need and nothing else; with the root path
/// excluded, Cosmos DB still indexes <c>id</c> and <c>_ts</c> (time to live works on <c>_ts</c>).
/// </summary>
public static class IndexingPolicies
{
    /// <summary>
    /// Indexes the given top-level properties (for example <c>/opKey</c>) and nothing else. A container that is only
    /// read by id passes none. The partition key is not indexed unless named: queries that filter on it name it.
    /// </summary>
    public static IndexingPolicy Only(params string[] properties)
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        foreach (var property in properties) policy.IncludedPaths.Add(new IncludedPath { Path = property + "/?" });
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return policy;
    }

    /// <summary>
    /// Whether <paramref name="policy"/> indexes the scalar at <paramref name="path"/> (<c>/opKey/?</c>): the most
    /// precise matching included or excluded path decides, as in Cosmos DB. A policy with no paths at all is the
    /// service's default, which indexes everything.
    /// </summary>
    public static bool Indexes(IndexingPolicy policy, string path)
    {
        if (policy.IndexingMode == IndexingMode.None) return false;
        if (policy.IncludedPaths.Count == 0 && policy.ExcludedPaths.Count == 0) return true;
        foreach (var candidate in MatchingPaths(path))
        {
            if (policy.ExcludedPaths.Any(p => Same(p.Path, candidate))) return false;
            if (policy.IncludedPaths.Any(p => Same(p.Path, candidate))) return true;
        }
        return false;
    }

    /// <summary>
    /// The paths matching a scalar's path, most precise first: <c>/a/b/?</c>, <c>/a/b/*</c>, <c>/a/*</c>, <c>/*</c>.
    /// </summary>
    private static IEnumerable<string> MatchingPaths(string path)
    {
        yield return path;
        var node = path.EndsWith("/?", StringComparison.Ordinal) ? path[..^2] : path;
        while (true)
        {
            yield return node + "/*";
            if (node.Length == 0) yield break;
            node = node[..node.LastIndexOf('/')];
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Replace("\"", ""), b, StringComparison.Ordinal);
}
