using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gifting.Functions.OpenApi;

/// <summary>
/// Declares the bearer JWT scheme, and on each route that needs a token, requires it and names the roles that may
/// call it, read from the route's authorisation policies.
/// </summary>
public sealed class BearerAuthTransformer(IAuthorizationPolicyProvider policies)
    : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose `sub` is the principal and whose `roles` claim lists its roles.",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any()) return;

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [],
        });
        var roles = new List<string>();
        foreach (var name in authorize.Select(a => a.Policy).OfType<string>())
        {
            if (await policies.GetPolicyAsync(name) is not { } policy) continue;
            roles.AddRange(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
        }
        if (roles.Count > 0)
            operation.Description = $"Roles: {string.Join(", ", roles.Distinct(StringComparer.Ordinal))}.";
    }
}
