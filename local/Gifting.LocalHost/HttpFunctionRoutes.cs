using System.Text.Json;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Gifting.LocalHost;

/// <summary>
/// The paths at which the Functions host serves HTTP functions: the <c>routePrefix</c> of host.json followed by each
/// httpTrigger's <c>route</c>, matched as ASP.NET Core route templates and limited to the declared methods.
/// </summary>
public sealed class HttpFunctionRoutes
{
    private readonly List<(TemplateMatcher Matcher, HashSet<string> Methods)> _routes;

    private HttpFunctionRoutes(IReadOnlyList<(string Template, IReadOnlyList<string> Methods)> routes)
    {
        Templates = routes.Select(r => r.Template).ToList();
        _routes = routes.Select(r => (Matcher(r.Template), r.Methods.ToHashSet(StringComparer.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The route templates, prefix included, without a leading slash.</summary>
    public IReadOnlyList<string> Templates { get; }

    public static HttpFunctionRoutes Load(string hostJsonPath, IEnumerable<FunctionDefinition> functions)
    {
        var prefix = RoutePrefix(hostJsonPath);
        return new HttpFunctionRoutes(functions
            .Where(f => f.Trigger.Type == "httpTrigger")
            // The host's default route is the function's name.
            .Select(f => (Join(prefix, f.Trigger.Route ?? f.Name), f.Trigger.Methods))
            .ToList());
    }

    /// <summary>Whether some HTTP function answers this method on this path; no declared methods means any.</summary>
    public bool Declares(string method, PathString path) =>
        _routes.Any(r => (r.Methods.Count == 0 || r.Methods.Contains(method)) && r.Matcher.TryMatch(path, []));

    /// <summary><c>extensions.http.routePrefix</c>, which is "api" unless host.json says otherwise.</summary>
    private static string RoutePrefix(string hostJsonPath)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        return host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString() ?? ""
                : "api";
    }

    private static string Join(string prefix, string route) =>
        string.Join('/', new[] { prefix.Trim('/'), route.Trim('/') }.Where(p => p.Length > 0));

    private static TemplateMatcher Matcher(string template)
    {
        var pattern = RoutePatternFactory.Parse(template);
        // Matching a constraint needs the host's constraint resolver; refuse rather than forward what Azure would not.
        if (pattern.ParameterPolicies.Count > 0)
            throw new NotSupportedException($"The local stand-in does not evaluate route constraints ('{template}').");
        return new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults));
    }
}
