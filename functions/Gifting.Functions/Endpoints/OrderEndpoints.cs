using Gifting.Core;
using Gifting.Core.Delivery;
using Gifting.Core.Orders;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;
using Microsoft.AspNetCore.Mvc;

namespace Gifting.Functions.Endpoints;

/// <summary>
/// A corporate buyer's orders, always under the token's org: another org's order is 404 <c>order_not_found</c>,
/// exactly as one that does not exist, so no answer tells an order id of another org apart.
/// </summary>
public static class OrderEndpoints
{
    private const int DefaultLimit = 25;
    private const int MaxCursor = 4096;

    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization(Policies.Corporate);
        orders.MapPost("", OrderIntake.PlaceAsync)
            .WithMetadata(
                new IdempotentRequest(KeyRequired: true), new RequestSizeLimitAttribute(OrderIntake.MaxBodyBytes))
            .Accepts<OrderBody>("application/json", "text/csv")
            .Produces<OrderAcceptedResponse>(StatusCodes.Status202Accepted)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.InvalidJson, ProblemCodes.PayloadTooLarge,
                ProblemCodes.UnsupportedMediaType, ProblemCodes.InsufficientFunds, ProblemCodes.CurrencyMismatch,
                ProblemCodes.IdempotencyKeyMismatch, ProblemCodes.ServiceBusy);
        orders.MapGet("", ListAsync).Produces<PageResponse<OrderResponse>>()
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);
        orders.MapGet("/{orderId}", GetAsync).Produces<OrderResponse>()
            .DescribeProblems(ProblemCodes.OrderNotFound, ProblemCodes.ServiceBusy);
        orders.MapGet("/{orderId}/lines", LinesAsync).Produces<PageResponse<OrderLineResponse>>()
            .DescribeProblems(ProblemCodes.OrderNotFound, ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);
        orders.MapPost("/{orderId}/lines/{lineId}/resend", ResendAsync)
            .Produces<ResendResponse>(StatusCodes.Status202Accepted)
            .DescribeProblems(ProblemCodes.OrderNotFound, ProblemCodes.ValidationFailed, ProblemCodes.ResendTooSoon,
                ProblemCodes.ServiceBusy);
        orders.MapPost("/{orderId}/cancellation", CancelAsync)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<OrderResponse>()
            .DescribeProblems(ProblemCodes.OrderNotFound, ProblemCodes.IdempotencyKeyMismatch,
                ProblemCodes.ServiceBusy);
    }

    /// <summary>The JSON order, as the API description shows it; the intake reads the body as a stream.</summary>
    public sealed record OrderBody(
        string ExternalRef, string Marketplace, string SenderName, DateTimeOffset? DeliverAt, OrderLineBody[] Lines);

    public sealed record OrderLineBody(
        string RecipientName, string? Email, string? Phone, string Channel, MoneyBody Amount, string? Message);

    private static async Task<IResult> ListAsync(
        HttpContext http, GetOrder getOrder, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        if (PageProblem(limit, cursor) is { } problem) return problem;
        var page = await getOrder.ListAsync(caller.Org, limit ?? DefaultLimit, cursor, cancellationToken);
        return Results.Ok(new PageResponse<OrderResponse>(
            page.Items.Select(OrderResponse.Of).ToList(), page.NextCursor));
    }

    private static async Task<IResult> GetAsync(
        string orderId, HttpContext http, GetOrder getOrder, CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        if (!IsOrderId(orderId)) return NotFound;
        return Respond(await getOrder.ExecuteAsync(caller.Org, orderId, cancellationToken));
    }

    private static async Task<IResult> LinesAsync(
        string orderId, HttpContext http, GetOrder getOrder, int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        if (!IsOrderId(orderId)) return NotFound;
        if (PageProblem(limit, cursor) is { } problem) return problem;
        var page = await getOrder.LinesAsync(caller.Org, orderId, limit ?? DefaultLimit, cursor, cancellationToken);
        return page.Succeeded
            ? Results.Ok(new PageResponse<OrderLineResponse>(
                page.Value.Items.Select(OrderLineResponse.Of).ToList(), page.Value.NextCursor))
            : Problems.For(page.Failure!);
    }

    private static async Task<IResult> ResendAsync(
        string orderId, string lineId, HttpContext http, ResendLine resend, CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        if (!IsOrderId(orderId)) return NotFound;
        var result = await resend.ExecuteAsync(new ResendCommand(caller.Org, orderId, lineId), cancellationToken);
        return result.Succeeded
            ? Results.Json(new ResendResponse(result.Value), statusCode: StatusCodes.Status202Accepted)
            : Problems.For(result.Failure!);
    }

    private static async Task<IResult> CancelAsync(
        string orderId, HttpContext http, CancelOrder cancel, CancellationToken cancellationToken)
    {
        if (OrgCaller.From(http) is not { } caller) return OrgCaller.Unusable;
        if (!IsOrderId(orderId)) return NotFound;
        var buyer = http.User.FindFirst("sub")!.Value;
        var command = new CancelOrderCommand(caller.Org, orderId, buyer);
        return Respond(await cancel.ExecuteAsync(command, cancellationToken));
    }

    private static IResult Respond(Result<Order> result) =>
        result.Succeeded ? Results.Ok(OrderResponse.Of(result.Value)) : Problems.For(result.Failure!);

    private static IResult NotFound =>
        Problems.For(new Failure(ErrorCode.OrderNotFound, "The org has no order with this id."));

    /// <summary>
    /// The contract's list parameters. The cursor is the store's own and opaque here: it is bounded, and a cursor the
    /// store did not give finds nothing of another org, whose orders are never under the caller's.
    /// </summary>
    private static IResult? PageProblem(int? limit, string? cursor)
    {
        if (limit is < 1 or > 100) return Problems.Validation("limit must be between 1 and 100.");
        if (cursor is not null && (cursor.Length is 0 or > MaxCursor || cursor.Any(c => c is < ' ' or > '~')))
            return Problems.Validation("cursor is not one this API gave out.");
        return null;
    }

    /// <summary>An order id is 32 lowercase hex characters; anything else is no order, without a lookup.</summary>
    private static bool IsOrderId(string orderId) => orderId.Length == 32 && orderId.All(char.IsAsciiHexDigitLower);
}
