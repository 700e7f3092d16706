using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gifting.Cli;

/// <summary>The Gifting HTTP API as the CLI calls it: a bearer token, JSON in and out.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken, string? accept = null) =>
        SendAsync(HttpMethod.Get, path, null, null, accept, cancellationToken);

    public Task<ApiAnswer> PostAsync(
        string path, object? body, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey, null, cancellationToken);

    private async Task<ApiAnswer> SendAsync(
        HttpMethod method, string path, object? body, string? idempotencyKey, string? accept,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
            request.Content =
                new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? json = null;
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
            && text.Length > 0)
        {
            try
            {
                json = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                json = null;
            }
        }
        return new ApiAnswer(response.StatusCode, text, json);
    }

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}
