using Microsoft.OpenApi;

namespace Gifting.Functions.OpenApi;

/// <summary>The OpenAPI document of the public contract, served at <see cref="Route"/> to anyone.</summary>
public static class ApiDocument
{
    public const string Route = "/api/openapi.json";

    public static IServiceCollection AddGiftingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Gifting API",
                    Version = "v1",
                    Description = "The routes of the Gifting v1 contract (docs/api-contract.md) that this service "
                        + "implements. Errors are RFC 9457 problems whose stable `code` each response lists.",
                };
                // The handler sees the Functions host's loopback address, not the public one: clients resolve
                // paths against the address they fetched this document from.
                document.Servers = [];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerAuthTransformer>();
            options.AddOperationTransformer<BearerAuthTransformer>();
            options.AddOperationTransformer<ProblemCodesTransformer>();
            options.AddSchemaTransformer<WireSchemaTransformer>();
        });

    /// <summary>Clients and tools read the contract without a token.</summary>
    public static void MapGiftingOpenApi(this IEndpointRouteBuilder app) => app.MapOpenApi(Route).AllowAnonymous();
}
