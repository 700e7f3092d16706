using System.Text.Json.Serialization;
using Gifting.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gifting.Functions.OpenApi;

/// <summary>
/// Describes the types whose wire form is not their .NET shape: <see cref="Money"/>, written by its own converter,
/// the problem details, which carry the contract's <c>code</c> and a correlation id as extensions, and members
/// left out when null, which are optional rather than required.
/// </summary>
public sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        foreach (var property in context.JsonTypeInfo.Properties.Where(OmittedWhenNull))
            schema.Required?.Remove(property.Name);
        if (type == typeof(Money) || type == typeof(Money?))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = "Money: an integer amount of minor units and an ISO 4217 currency.";
            schema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["amount"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                ["currency"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{3}$" },
            };
            schema.Required = new HashSet<string> { "amount", "currency" };
        }
        else if (type == typeof(ProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable snake_case code; each response lists the codes it can carry.",
            };
            schema.Properties["correlationId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Quote it to support to find the matching log entry.",
            };
            schema.Required ??= new HashSet<string>();
            schema.Required.Add("code");
        }
        return Task.CompletedTask;
    }

    private static bool OmittedWhenNull(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull) == true;
}
