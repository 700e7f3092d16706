using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Gifting.Functions.OpenApi;

/// <summary>
/// Names, on each problem response, the <c>code</c> values that status can carry: in its description for people,
/// and as <c>x-problem-codes</c> for generated clients.
/// </summary>
public sealed class ProblemCodesTransformer : IOpenApiOperationTransformer
{
    public const string Extension = "x-problem-codes";

    public Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemCodesMetadata>()
            .LastOrDefault();
        if (metadata is null || operation.Responses is null) return Task.CompletedTask;
        foreach (var byStatus in metadata.Codes.GroupBy(ProblemResponses.StatusOf))
        {
            var key = byStatus.Key.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var found) || found is not OpenApiResponse response) continue;
            var codes = byStatus.ToList();
            response.Description = $"{ReasonPhrases.GetReasonPhrase(byStatus.Key)}. Problem `code`: "
                + string.Join(", ", codes.Select(c => $"`{c}`")) + ".";
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions[Extension] =
                new JsonNodeExtension(new JsonArray([.. codes.Select(c => JsonValue.Create(c))]));
        }
        return Task.CompletedTask;
    }
}
