using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Gifting.Functions.Http;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Routing;

namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class OpenApiDocumentTests(CosmosFixture cosmos)
{
    private static readonly HashSet<string> AppCodes = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

    /// <summary>
    /// Reads the contract from the repository's copy (docs/api-contract.md), which every clone has. Where the shared
    /// contract sits beside the repository (../shared/api-contract.md), this test also demands that the copy equal it,
    /// so a change to the shared contract that was not copied fails here rather than going unseen.
    /// </summary>
    [Fact]
    public async Task EveryMappedContractRoute_IsDocumentedWithItsErrors_AndTheCopyEqualsTheSharedContractIfPresent()
    {
        var root = RepositoryRoot.Find();
        var contract = await File.ReadAllTextAsync(Path.Combine(root, "docs", "api-contract.md"));
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "api-contract.md"));
        if (File.Exists(shared))
        {
            Assert.True(contract == await File.ReadAllTextAsync(shared),
                $"docs/api-contract.md differs from {shared}: copy it again.");
        }
        using var app = new GiftingFactory(cosmos);
        var mapped = MappedRoutes(app);
        var routes = ContractRoutes.Parse(contract);
        var implemented = routes.Where(r => mapped.Contains((r.Method, r.Path))).ToList();
        Assert.True(routes.Count > 30, $"Only {routes.Count} routes read from the contract's tables.");
        Assert.Contains(implemented, r => r is { Method: "POST", Path: "/api/cards/{serial}/activation" }
            && r.Errors.Count == 3);

        var paths = (await DocumentAsync(app)).GetProperty("paths");
        var missing = new List<string>();
        foreach (var route in implemented)
        {
            var name = $"{route.Method} {route.Path}";
            if (Operation(paths, route.Method, route.Path) is not { } operation)
            {
                missing.Add(name);
                continue;
            }
            foreach (var (status, code) in route.Errors)
            {
                if (Response(operation, status) is not { } response)
                    missing.Add($"{name}: {status}");
                // A code the app does not answer yet (card_frozen...) cannot be listed; every code it answers must be.
                else if (code is not null && AppCodes.Contains(code) && !Codes(response).Contains(code))
                    missing.Add($"{name}: {status} {code}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Document_IsServedWithoutAToken_AndNamesThePipelinesProblemCodesAndTheRoles()
    {
        using var app = new GiftingFactory(cosmos);
        var document = await DocumentAsync(app);
        var paths = document.GetProperty("paths");
        var issue = Operation(paths, "POST", "/api/cards")!.Value;
        var balance = Operation(paths, "GET", "/api/balance")!.Value;

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(["validation_failed", "invalid_json", "idempotency_key_required", "invalid_idempotency_key"],
            Codes(Response(issue, 400)!.Value));
        Assert.Equal(["unauthorized"], Codes(Response(balance, 401)!.Value));
        Assert.Equal(["internal_error"], Codes(Response(balance, 500)!.Value));
        Assert.Null(Response(balance, 400));
        var getCard = Operation(paths, "GET", "/api/cards/{serial}")!.Value;
        Assert.Equal("Roles: support, admin.", getCard.GetProperty("description").GetString());
        Assert.True(balance.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        // A replay lists issued cards without their codes, so the code cannot be a required member.
        var card = document.GetProperty("components").GetProperty("schemas").GetProperty("IssuedCardBody");
        Assert.DoesNotContain("code", card.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    private static async Task<JsonElement> DocumentAsync(GiftingFactory app)
    {
        using var response = await app.CreateClient().GetAsync("/api/openapi.json");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.JsonAsync();
    }

    private static HashSet<(string Method, string Path)> MappedRoutes(GiftingFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .ToHashSet();

    private static JsonElement? Operation(JsonElement paths, string method, string path) =>
        paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : null;

    private static JsonElement? Response(JsonElement operation, int status) =>
        operation.GetProperty("responses").TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var found)
            ? found
            : null;

    private static List<string> Codes(JsonElement response) =>
        response.TryGetProperty("x-problem-codes", out var codes)
            ? [.. codes.EnumerateArray().Select(c => c.GetString()!)]
            : [];
}
