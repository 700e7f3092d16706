using System.Reflection;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Testing;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// Cases generated from the app's own API description over every operation it lists (and the few routes it leaves
/// out): bad bodies, paths, queries and headers. Each must get no 5xx; each 4xx must be the contract's problem with
/// a code the operation lists under that status; and a refused case must write nothing but what
/// <see cref="AllowedWrites"/> names.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RouteFuzzTests : IDisposable
{
    private static readonly HashSet<string> AnyCode = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private readonly ITestOutputHelper _output;
    private readonly WriteRecorder _writes = new();
    private readonly GiftingFactory _app;
    private readonly HttpClient _client;

    public RouteFuzzTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _output = output;
        _app = new GiftingFactory(cosmos, s =>
        {
            WriteRecorder.Install(s, cosmos, _writes);
            s.AddSingleton<IMessagePublisher>(new RecordingPublisher());
        });
        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task EveryRoute_AnswersBadInputWithAListedProblem_AndRefusedInputWritesNothingElse()
    {
        var seed = ReliabilityRun.Seed();
        var count = ReliabilityRun.Cases(300, 9000);
        var renderer = await RendererAsync();
        var operations = renderer.Operations;
        var gen = FuzzCase.Gen(operations.Count);
        var figures = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var failures = new List<string>();
        var unsendable = 0;
        for (var i = 0; i < count; i++)
        {
            // Round robin over the operations, so that even the fast run reaches every one.
            var fuzz = FuzzCase.Draw(gen, seed, i) with { Operation = i % operations.Count };
            var verdict = await RunAsync(renderer, fuzz);
            if (verdict.Status < 0) unsendable++;
            var group = figures.TryGetValue(operations[fuzz.Operation].Group, out var g)
                ? g
                : figures[operations[fuzz.Operation].Group] = new long[3];
            group[0]++;
            if (verdict.Status is >= 400 and < 500) group[1]++;
            if (verdict.Violation is null) continue;
            group[2]++;
            var (shrunk, why) = await ShrinkAsync(renderer, fuzz, verdict.Violation);
            failures.Add($"seed {seed}, case {i}: {renderer.Describe(fuzz)}: {verdict.Violation}; "
                + $"shrunk to {renderer.Describe(shrunk)}: {why}");
        }
        foreach (var (group, f) in figures)
            ReliabilityReport.Record(_output, "bad-input", group, f[0], f[1], f[2], seed);
        _output.WriteLine($"{unsendable} cases with NUL in the path could not be sent through the in-memory server.");
        foreach (var failure in failures.Take(30)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} cases broke the contract (seed {seed}; {ReliabilityRun.SeedVariable} "
            + $"replays it). First: {failures.FirstOrDefault()}");
    }

    [Fact]
    public async Task Description_ListsEveryRouteTheFuzzerReaches()
    {
        var renderer = await RendererAsync();
        Assert.True(renderer.Operations.Count >= 40, $"Only {renderer.Operations.Count} operations.");
        Assert.Contains(renderer.Operations, o => o.Name == "POST /api/accounts/{accountId}/debits"
            && o.Body is not null && o.Roles.SequenceEqual(["checkout"]));
    }

    private async Task<CaseRenderer> RendererAsync()
    {
        var text = await _client.GetStringAsync("/api/openapi.json");
        var document = JsonDocument.Parse(text).RootElement.Clone();
        var listed = ApiOperation.All(document);
        var operations = listed.Concat(Unlisted(listed)).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var issuer = _app.Services.GetRequiredService<LocalTokens>();
        string TokenFor(string role)
        {
            if (!tokens.TryGetValue(role, out var token))
                tokens[role] = token = issuer.Issue("fuzz-" + role, [role], "US", TimeProvider.System,
                    role == Roles.Corporate ? "org-fuzz" : null);
            return token;
        }
        return new CaseRenderer(operations, new SchemaBodies(document.GetProperty("components"), "fuzz-retailer"),
            TokenFor);
    }

    /// <summary>The app's routes the description leaves out (the page, its assets, the description itself).</summary>
    private List<ApiOperation> Unlisted(IReadOnlyList<ApiOperation> listed)
    {
        var names = listed.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        return [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m, Path: "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)
                || r.Path.StartsWith("/redeem", StringComparison.Ordinal))
            .Where(r => !names.Contains($"{r.Method} {r.Path}"))
            .Distinct()
            .Select(r => new ApiOperation(r.Method, r.Path,
                [.. r.Path.Split('/').Where(s => s.StartsWith('{')).Select(s => new ApiParameter(s.Trim('{', '}'),
                    "path", "string"))],
                null, [], new Dictionary<int, IReadOnlySet<string>>()))];
    }

    private async Task<(FuzzCase Case, string Why)> ShrinkAsync(CaseRenderer renderer, FuzzCase fuzz, string why)
    {
        var current = fuzz;
        foreach (var simpler in new Func<FuzzCase, FuzzCase>[]
                 { c => c.WithoutHeader(), c => c.WithoutQuery(), c => c.WithoutPath(), c => c.WithoutBody() })
        {
            var candidate = simpler(current);
            if (candidate == current) continue;
            if ((await RunAsync(renderer, candidate)).Violation is { } still) (current, why) = (candidate, still);
        }
        return (current, why);
    }

    private async Task<Verdict> RunAsync(CaseRenderer renderer, FuzzCase fuzz)
    {
        var operation = renderer.Operations[fuzz.Operation];
        var request = renderer.Render(fuzz);
        _writes.Take();
        int status;
        string text;
        string? media;
        try
        {
            using var message = request.ToMessage();
            using var response = await _client.SendAsync(message);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync();
            media = response.Content.Headers.ContentType?.MediaType;
        }
        catch (InvalidOperationException e) when (request.Url.Contains("%00", StringComparison.Ordinal)
                                                   && e.Message == "The path contains null characters.")
        {
            // The in-memory server refuses to build such a request; Kestrel answers it 400 before the app sees it.
            return new Verdict(-1, null);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            return new Verdict(0, $"the request failed in the app: {e.GetType().Name}: {e.Message}");
        }
        var writes = _writes.Take();
        if (status >= 500) return new Verdict(status, $"answered {status}");
        if (request.OverLimit && !request.OddPath && status != 413)
            return new Verdict(status, $"a body over the {request.Limit}-byte limit answered {status}");
        if (status < 400) return new Verdict(status, null);
        if (ProblemShape.Fault(status, media, text, out var code) is { } fault)
            return new Verdict(status, $"{status} without the problem shape: {fault}");
        if (!Listed(operation, request, status, code!))
            return new Verdict(status, $"{status} {code} is not among the operation's x-problem-codes");
        var unexpected = writes
            .Where(w => AllowedWrites.ForRequest(w, operation.Path, request.KeySent, code) is null).ToList();
        return unexpected.Count == 0
            ? new Verdict(status, null)
            : new Verdict(status, $"refused ({status} {code}) but wrote: {string.Join(", ", unexpected)}");
    }

    /// <summary>
    /// The operation's own codes for the status; for a route the description leaves out, or a path bent onto
    /// another route, any code the API answers. A body over the limit is 413 on every route, listed or not.
    /// </summary>
    private static bool Listed(ApiOperation operation, FuzzRequest request, int status, string code) =>
        operation.Codes.TryGetValue(status, out var codes) && codes.Contains(code)
        || (operation.Codes.Count == 0 || request.OddPath) && AnyCode.Contains(code)
        || status == 413 && code == ProblemCodes.PayloadTooLarge && request.OverLimit;

    private sealed record Verdict(int Status, string? Violation);
}
