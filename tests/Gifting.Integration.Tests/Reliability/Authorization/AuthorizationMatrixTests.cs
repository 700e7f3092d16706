using System.Text.Json;
using Gifting.Functions.Auth;
using Gifting.Integration.Tests.Orders;
using Gifting.Integration.Tests.Reliability.BadInput;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.Authorization;

/// <summary>
/// Every route of <see cref="AccessTable"/> x every caller (no token, a malformed one, each role in
/// <see cref="Roles"/>) x its own object, another's and a missing one: only the table's cells get their answer;
/// every other cell gets 401, 403 or 404, writes nothing, and no failing answer names the objects it was asked about.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class AuthorizationMatrixTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly WriteRecorder _writes = new();
    private readonly OrderApp _orders;
    private readonly AccessWorld _world;

    public AuthorizationMatrixTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _output = output;
        var settings = new Dictionary<string, string> { ["Redemption:ReviewThresholds:USD"] = "50000" };
        _orders = new OrderApp(cosmos, settings, s => WriteRecorder.Install(s, cosmos, _writes));
        _world = new AccessWorld(_orders);
    }

    public void Dispose() => _orders.Dispose();

    [Fact]
    public async Task EveryRoute_AnswersOnlyTheContractsCells_AndDeniedCellsNameNothingAndWriteNothing()
    {
        var shared = await SharedLazyAsync();
        var client = _orders.App.CreateClient();
        long cases = 0, denied = 0;
        var violations = new List<string>();
        foreach (var row in AccessTable.Rows)
        {
            foreach (var caller in AccessTable.Callers)
            {
                foreach (var target in Enum.GetValues<Target>())
                {
                    var allowed = row.Admits(caller);
                    var expected = !allowed ? (int?)null : target switch
                    {
                        Target.Own => row.Own, Target.Other => row.Other, _ => row.Missing,
                    };
                    var fresh = allowed && row.Method != "GET" && expected is >= 200 and < 300;
                    var probe = await ProbeAsync(row, caller, target, fresh ? null : shared);
                    _writes.Take();
                    using var response = await client.SendAsync(probe.ToMessage());
                    var status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    var writes = _writes.Take();
                    cases++;
                    if (!allowed) denied++;
                    if (Fault(caller, expected, status, body, probe, writes) is { } fault)
                        violations.Add($"{row.Name} as {caller}, {target} object: {fault}");
                }
            }
        }
        ReliabilityReport.Record(_output, "authorization",
            $"{AccessTable.Rows.Count} routes x {AccessTable.Callers.Count} roles x 3 objects", cases, denied,
            violations.Count);
        foreach (var violation in violations.Take(40)) _output.WriteLine(violation);
        Assert.True(violations.Count == 0,
            $"{violations.Count} cells broke the table. First: {violations.FirstOrDefault()}");
    }

    [Fact]
    public void Table_CoversEveryRouteTheAppMaps_AndEveryHttpFunction_AndEveryRole()
    {
        var table = AccessTable.Rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var mapped = _orders.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal)
                || r.Contains(" /redeem", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var functions = Directory.GetFiles(
                Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Functions"), "function.json",
                SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("bindings")[0])
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} /{b.GetProperty("route").GetString()}"))
            .ToList();

        Assert.True(functions.Count >= 39, $"Only {functions.Count} HTTP functions found.");
        Assert.Empty(mapped.Except(table));
        Assert.Empty(functions.Except(table));
        Assert.Empty(table.Except(mapped));
        Assert.Equal(Roles.All.Order(), AccessTable.Callers.Skip(2).Order());
    }

    /// <summary>What is wrong with a cell's answer, or null.</summary>
    private static string? Fault(
        string caller, int? expected, int status, string body, AccessProbe probe, IReadOnlyList<CosmosOperation> writes)
    {
        if (expected is { } wanted && status != wanted) return $"expected {wanted}, got {status}";
        if (expected is null)
        {
            var denials = caller is "anonymous" or "malformed" ? new[] { 401 } : [403, 404];
            if (!denials.Contains(status)) return $"expected {string.Join(" or ", denials)}, got {status}";
            if (writes.Count > 0) return $"denied but wrote: {string.Join(", ", writes)}";
        }
        var named = (status >= 400 ? probe.Named : []).Concat(probe.Foreign)
            .Where(n => n.Length >= 8 && body.Contains(n, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count > 0 ? $"{status} answer names {named.Count} identifier(s) of the request" : null;
    }

    private async Task<AccessObjects> SharedAsync()
    {
        var (orgA, orgB) = (await _world.FundedOrgAsync(), await _world.FundedOrgAsync());
        var (shopperA, shopperB) = (await _world.ShopperAsync(), await _world.ShopperAsync());
        return new AccessObjects(shopperA, shopperB, await _world.SerialAsync("issuer-a"),
            await _world.SerialAsync("issuer-b"), await _world.PhysicalSerialAsync(),
            await _world.RedeemedCodeAsync(shopperB), await _world.EntryAsync(shopperA),
            await _world.EntryAsync(shopperB), orgA, orgB, await _world.OrderAsync(orgA),
            await _world.OrderAsync(orgB), await _world.RejectedIdAsync(), await _world.RejectedIdAsync());
    }

    /// <summary>The cell's request, on <paramref name="shared"/> objects, or on new ones when null.</summary>
    private async Task<AccessProbe> ProbeAsync(Access row, string caller, Target target, AccessObjects? shared)
    {
        var o = shared ?? await FreshAsync(row, target);
        var subject = caller switch
        {
            Roles.Customer => row.Scope == Scope.Caller && target != Target.Own
                ? target == Target.Other ? o.ShopperB : Api.NewId("shopper")
                : o.ShopperA,
            Roles.Retailer => "retailer-1",
            _ => caller + "-1",
        };
        var org = row.Scope == Scope.Caller ? target switch
        {
            Target.Own => o.OrgA, Target.Other => o.OrgB, _ => Api.NewId("org"),
        } : o.OrgA;
        var authorization = caller switch
        {
            "anonymous" => null,
            "malformed" => "Bearer eyJhbGciOiJIUzI1NiJ9.not-a-token.x",
            _ => "Bearer " + _orders.App.Services.GetRequiredService<LocalTokens>()
                .Issue(subject, [caller], "US", TimeProvider.System, caller == Roles.Corporate ? org : null),
        };
        var (path, named) = Resolve(row, target, o);
        var code = target switch { Target.Own => o.Code, Target.Other => o.RedeemedCode, _ => MissingCode };
        var body = row.Scope == Scope.Code ? $"{{\"code\":\"{code}\"}}" : AccessProbe.BodyFor(row, subject, target);
        if (row.Scope == Scope.Code) named = [target == Target.Own ? o.Code : o.RedeemedCode];
        if (row.Path.EndsWith("/activation", StringComparison.Ordinal) && target == Target.Other)
            named = [.. named, "retailer-other"];
        // Another caller's data (shopper A's, org A's) is never in an answer to the caller asking for its own.
        var foreign = row.Scope == Scope.Caller && target != Target.Own ? new[] { o.ShopperA, o.OrgA } : [];
        var withKey = row.Method is "POST" or "PUT" && row.Scope != Scope.Public;
        return new AccessProbe(row.Method, path, body, authorization, withKey, named, foreign);
    }

    private const string MissingCode = "ZZZZ-ZZZZZZ-ZZZZZ";

    private static (string Path, string[] Named) Resolve(Access row, Target target, AccessObjects o)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (row.Scope)
        {
            case Scope.Card:
                var physical = row.Path.EndsWith("/activation", StringComparison.Ordinal);
                values["serial"] = target switch
                {
                    Target.Own => physical ? o.PhysicalA : o.CardA,
                    Target.Other => physical ? o.PhysicalA : o.CardB,
                    _ => "0000000000000001",
                };
                break;
            case Scope.Account:
                values["accountId"] = target switch
                {
                    Target.Own => o.ShopperA, Target.Other => o.ShopperB, _ => Api.NewId("ghost"),
                };
                break;
            case Scope.Entry:
                (values["accountId"], values["entryId"]) = target switch
                {
                    Target.Own => (o.ShopperA, o.EntryA), Target.Other => (o.ShopperB, o.EntryB),
                    _ => (o.ShopperA, "ent_999999"),
                };
                break;
            case Scope.Order or Scope.Line:
                values["orderId"] = target switch
                {
                    Target.Own => o.OrderA, Target.Other => o.OrderB, _ => Guid.NewGuid().ToString("N"),
                };
                values["lineId"] = target == Target.Missing ? "99999" : "00001";
                break;
            case Scope.Org:
                values["org"] = target switch { Target.Own => o.OrgA, Target.Other => o.OrgB, _ => Api.NewId("org") };
                break;
            case Scope.Rejected:
                values["id"] = target switch
                {
                    Target.Own => o.RejectedA, Target.Other => o.RejectedB, _ => "20260101.refunds.0000",
                };
                break;
            case Scope.Asset:
                values["name"] = target switch
                {
                    Target.Own => "redeem.js", Target.Other => "redeem.css", _ => "missing.js",
                };
                break;
        }
        var path = values.Aggregate(row.Path,
            (p, v) => p.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal));
        return (path, [.. values.Values.Where(v => v.Length >= 8 && row.Scope != Scope.Asset)]);
    }

    /// <summary>New objects for a cell that changes its object, so that no cell sees another's change.</summary>
    private async Task<AccessObjects> FreshAsync(Access row, Target target)
    {
        var shared = await SharedLazyAsync();
        return row.Scope switch
        {
            Scope.Code => shared with { Code = await _world.FreshCodeAsync() },
            Scope.Card when row.Path.EndsWith("/review", StringComparison.Ordinal) =>
                shared with { CardA = await _world.HeldSerialAsync(), CardB = await _world.HeldSerialAsync() },
            Scope.Card when row.Path.EndsWith("/activation", StringComparison.Ordinal) =>
                shared with { PhysicalA = await _world.PhysicalSerialAsync() },
            Scope.Card => shared with
            {
                CardA = await _world.SerialAsync("issuer-a"), CardB = await _world.SerialAsync("issuer-b"),
            },
            Scope.Account when row.Path.Contains("freeze", StringComparison.Ordinal) => shared with
            {
                ShopperA = target == Target.Own ? await _world.ShopperAsync() : shared.ShopperA,
                ShopperB = target == Target.Other ? await _world.ShopperAsync() : shared.ShopperB,
            },
            Scope.Entry => shared with
            {
                EntryA = await _world.EntryAsync(shared.ShopperA), EntryB = await _world.EntryAsync(shared.ShopperB),
            },
            Scope.Order or Scope.Line => shared with { OrderA = await _world.OrderAsync(shared.OrgA) },
            Scope.Rejected => shared with
            {
                RejectedA = await _world.RejectedIdAsync(), RejectedB = await _world.RejectedIdAsync(),
            },
            _ => shared,
        };
    }

    private AccessObjects? _shared;

    private async Task<AccessObjects> SharedLazyAsync() => _shared ??= await SharedAsync();
}
