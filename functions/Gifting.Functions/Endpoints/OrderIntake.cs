using System.Text.Json;
using Gifting.Core.Orders;
using Gifting.Functions.Http;
using Gifting.Functions.Orders;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>
/// <c>POST /api/orders</c>: reads the body once as it arrives (JSON or CSV), checks the order's fields, every line's
/// shape and core's amount rules, and places the order only if nothing is wrong, so a bad order stores nothing.
/// </summary>
public static class OrderIntake
{
    /// <summary>
    /// 32 MiB: 10,000 lines at the longest every field may be (a 1,000-character message, a 254-character email, a
    /// 200-character name) with room for JSON escapes. Past it the reading stops; the line limit is the real bound.
    /// </summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    public static async Task<IResult> PlaceAsync(
        HttpContext http, OrderLinesReader reader, OrderRules rules, OrderLimits limits, PlaceOrder place,
        CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        var contentType = http.Request.ContentType;
        if (!OrderLinesReader.Reads(contentType))
            return Problems.Of(415, ProblemCodes.UnsupportedMediaType, "Unsupported content type.",
                "Send the order as application/json or text/csv.");
        OrderLinesRead read;
        try
        {
            read = await reader.ReadAsync(http.Request.Body, contentType, cancellationToken);
        }
        catch (JsonException e)
        {
            // The path says where the body went wrong; the reader's message may quote the body, so it is not shown.
            return Problems.Of(400, ProblemCodes.InvalidJson, "The body is not valid JSON for this request.",
                "The body must be a JSON order with the documented members and types"
                + (string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "." : $"; the problem is at {e.Path}."));
        }
        if (read.TooMany)
            return Problems.Of(413, ProblemCodes.PayloadTooLarge, "The order has too many lines.",
                $"An order has at most {limits.MaxLines} lines.");

        var fieldErrors = new List<FieldError>();
        var values = read.Fields ?? FieldsFromQuery(http.Request.Query, fieldErrors);
        if (OrderFieldsShape.Check(values, fieldErrors) is not { } fields || fieldErrors.Count > 0)
            return Problems.Validation(string.Join(" ", fieldErrors.Select(e => e.Message)));
        var check = rules.Check(fields.Marketplace, read.Lines.Select(l => new LineAmount(l.Number, l.Amount)));
        if (LineErrors(read, check) is { } lineErrors) return lineErrors;
        if (check.TotalFailure is { } totalFailure) return Problems.Validation(totalFailure);

        var buyer = http.User.FindFirst("sub")!.Value;
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var command = new PlaceOrderCommand(caller.Org, buyer, PlaceOrder.OrderIdFor(caller.Org, buyer, key),
            fields.Marketplace, fields.ExternalRef, fields.SenderName, fields.DeliverAt, read.Lines);
        var placed = await place.ExecuteAsync(command, cancellationToken);
        if (!placed.Succeeded) return Problems.For(placed.Failure!);
        var accepted = OrderAcceptedResponse.Of(placed.Value);
        http.Response.Headers.Location = accepted.StatusUrl;
        return Results.Json(accepted, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Every line's problems, shape and amount alike, in line order, the first
    /// <see cref="LineCollector.MaxErrors"/> of them; null when every line is right.
    /// </summary>
    private static IResult? LineErrors(OrderLinesRead read, OrderCheck check)
    {
        var count = read.ErrorCount + check.Failures.Count;
        if (count == 0) return null;
        // The reader kept only its first errors: past the last one kept, a rule's failure might come after shape
        // errors that were dropped, so it is left out too, and the list stays the order's first errors.
        var upTo = read.ErrorCount > read.Errors.Count ? read.Errors[^1].Line : int.MaxValue;
        var errors = read.Errors
            .Concat(check.Failures.Where(f => f.Line <= upTo).Select(f => new LineError(f.Line, "amount", f.Message)))
            .OrderBy(e => e.Line)
            .Take(LineCollector.MaxErrors)
            .ToList();
        return Problems.Validation(
            $"{count} problems in the order's lines; the first {errors.Count} are listed in errors. "
            + "Nothing was accepted.", errors);
    }

    /// <summary>A CSV order's own fields, from its query; a parameter given twice is refused.</summary>
    private static OrderFieldValues FieldsFromQuery(IQueryCollection query, List<FieldError> errors)
    {
        string? Single(string name)
        {
            if (!query.TryGetValue(name, out var values)) return null;
            if (values.Count == 1) return values[0];
            errors.Add(new FieldError(name, $"{name} must be given once."));
            return null;
        }
        return new OrderFieldValues(Single("externalRef"), Single("marketplace"), Single("senderName"),
            Single("deliverAt"));
    }
}
