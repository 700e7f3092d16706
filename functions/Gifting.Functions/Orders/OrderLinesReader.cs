using System.Net.Http.Headers;
using Gifting.Core.Orders;

namespace Gifting.Functions.Orders;

/// <summary>
/// Reads the lines of an order from its request body, JSON or CSV, without holding the body: at most
/// <see cref="OrderLimits.MaxLines"/> lines are read, and the first one over that ends the reading.
/// </summary>
public sealed class OrderLinesReader(OrderLimits limits)
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    /// <summary>Whether <paramref name="contentType"/> is one of the two formats an order comes in.</summary>
    public static bool Reads(string? contentType) => MediaType(contentType) is Csv or Json;

    public Task<OrderLinesRead> ReadAsync(Stream body, string? contentType, CancellationToken cancellationToken) =>
        MediaType(contentType) switch
        {
            Csv => CsvOrderLines.ReadAsync(body, limits.MaxLines, cancellationToken),
            Json => JsonOrderLines.ReadAsync(body, limits.MaxLines, cancellationToken),
            _ => throw new ArgumentException("An order is JSON or CSV.", nameof(contentType)),
        };

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
}
