using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// One request the app's Cosmos client sent: what it was (<see cref="CosmosOperationCounter.Classify"/>), its status,
/// the bytes of its body (the document written, or the query) and of the answer (the document read, or the page),
/// and the query text.
/// </summary>
public sealed record RecordedRequest(
    CosmosOperation Operation, int Status, long RequestBytes, long ResponseBytes, string? QueryText);

/// <summary>
/// A <see cref="RequestHandler"/> on the app's Cosmos client that records each request with its sizes. The emulator
/// reports no request charges, so the sizes are what a charge is computed from (<see cref="RequestUnitModel"/>).
/// </summary>
public sealed class RecordedRequests : RequestHandler
{
    private ConcurrentQueue<RecordedRequest> _window = new();

    /// <summary>The requests seen since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _window.ToArray();

    public void Reset() => Interlocked.Exchange(ref _window, new ConcurrentQueue<RecordedRequest>());

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CosmosOperationCounter.Classify(request);
        request.Content = await BufferedAsync(request.Content, cancellationToken);
        var query = operation.Kind == CosmosOperationKind.Query ? QueryText(request.Content) : null;
        var response = await base.SendAsync(request, cancellationToken);
        response.Content = await BufferedAsync(response.Content, cancellationToken);
        _window.Enqueue(new RecordedRequest(operation, (int)response.StatusCode, request.Content?.Length ?? 0,
            response.Content?.Length ?? 0, query));
        return response;
    }

    /// <summary>Makes the app's Cosmos client pass through <paramref name="recorder"/>.</summary>
    public static void Install(IServiceCollection services, CosmosFixture cosmos, RecordedRequests recorder) =>
        services.AddSingleton(_ => Gifting.Infra.Cosmos.GiftingContainers.CreateClient(
            cosmos.Options(), Gifting.Infra.Json.GiftingJson.Options, recorder));

    /// <summary>A seekable copy at position 0, so the body can be measured and still be sent or read.</summary>
    private static async Task<Stream?> BufferedAsync(Stream? content, CancellationToken cancellationToken)
    {
        if (content is null) return null;
        if (content.CanSeek) return content;
        var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    private static string? QueryText(Stream? body)
    {
        if (body is null) return null;
        var start = body.Position;
        using var document = JsonDocument.Parse(body, default);
        body.Position = start;
        return document.RootElement.TryGetProperty("query", out var text) ? text.GetString() : null;
    }
}
