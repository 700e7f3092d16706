using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

public static class CardEndpoints
{
    public sealed record IssueBody(int Count, MoneyBody Value, string Marketplace, string Kind, bool Activated = false);

    public sealed record ActivationBody(string RetailerId, string? ReceiptRef = null);

    public sealed record ReviewBody(string Decision);

    public static void MapCards(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cards", IssueAsync).RequireAuthorization(Policies.Issuer)
            .WithMetadata(new IdempotentRequest(KeyRequired: true))
            .Produces<IssuedCardsResponse>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed);
        // A serial that cannot be one is no card: answered before any lookup (Cosmos refuses some such ids).
        var card = app.MapGroup("/api/cards/{serial}").AddEndpointFilter(async (context, next) =>
            CardSerial.IsWellFormed(context.HttpContext.GetRouteValue("serial") as string)
                ? await next(context)
                : Problems.For(new Failure(ErrorCode.CardNotFound, "No card has this serial.")));
        card.MapGet("", GetAsync).RequireAuthorization(Policies.Support)
            .Produces<CardResponse>().DescribeProblems(ProblemCodes.CardNotFound, ProblemCodes.ServiceBusy);
        card.MapPost("/activation", ActivateAsync).RequireAuthorization(Policies.Retailer)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<CardResponse>().DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.CardNotFound,
                ProblemCodes.CardAlreadyActive, ProblemCodes.AlreadyRedeemed, ProblemCodes.CardCancelled,
                ProblemCodes.CardFrozen, ProblemCodes.ServiceBusy);
        card.MapPost("/cancellation", CancelAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<CardResponse>()
            .DescribeProblems(ProblemCodes.CardNotFound, ProblemCodes.AlreadyRedeemed, ProblemCodes.ServiceBusy);
        card.MapPost("/review", ReviewAsync).RequireAuthorization(Policies.Support)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<CardResponse>().DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.CardNotFound,
                ProblemCodes.NotUnderReview, ProblemCodes.ServiceBusy);
        card.MapCardFreezes();
    }

    private static async Task<IResult> IssueAsync(
        IssueBody body, HttpContext http, IssueCards issue, CancellationToken cancellationToken)
    {
        if (body.Value.ToMoney() is not { } value)
            return Problems.Validation("value.currency must be an ISO 4217 code.");
        if (!Marketplace.TryParse(body.Marketplace, out var marketplace))
            return Problems.Validation("marketplace is not one this service serves.");
        if (!Enum.TryParse<CardKind>(body.Kind, ignoreCase: true, out var kind)
            || !body.Kind.All(char.IsAsciiLetterLower))
            return Problems.Validation("kind must be digital or physical.");

        // The idempotency key names the batch, so a run after a lost lease, a crash or a lost record issues no more.
        var command = new IssueCardsCommand(
            body.Count, value, marketplace, kind, body.Activated, http.User.Subject(), Idempotency.KeyFor(http));
        var result = await issue.ExecuteAsync(command, cancellationToken);
        if (!result.Succeeded) return Problems.For(result.Failure!);
        IssuedCardBody Describe(IssuedCard c, bool withCode) =>
            new(c.Card.CardId, c.Card.Serial, withCode ? c.Code?.Display : null, c.Card.Last4,
                CardResponse.StatusName(c.Card.Status));
        // A code is shown once: a replay of this request, like a run that finds a card an earlier run created, lists
        // the card without its code.
        Idempotency.SetReplayBody(http, new IssuedCardsResponse(result.Value.Select(c => Describe(c, false)).ToList()));
        return Results.Json(new IssuedCardsResponse(result.Value.Select(c => Describe(c, true)).ToList()),
            statusCode: 201);
    }

    private static async Task<IResult> GetAsync(string serial, GetCard getCard, CancellationToken cancellationToken) =>
        Respond(await getCard.ExecuteAsync(serial, cancellationToken));

    private static async Task<IResult> ActivateAsync(
        string serial, ActivationBody body, HttpContext http, ActivateCard activate,
        CancellationToken cancellationToken)
    {
        if (body.RetailerId.Length is 0 or > 128 || body.ReceiptRef?.Length > 128)
            return Problems.Validation(
                "retailerId (1-128 characters) is required; receiptRef is at most 128 characters.");
        // The till's own credential names the retailer; a body may only repeat it.
        if (body.RetailerId != http.User.Subject())
            return Problems.Of(403, ProblemCodes.Forbidden, "This retailer cannot act for another.",
                "retailerId must be the retailer this token was issued to.");
        var command = new ActivateCardCommand(serial, body.RetailerId, body.ReceiptRef);
        return Respond(await activate.ExecuteAsync(command, cancellationToken));
    }

    private static async Task<IResult> CancelAsync(
        string serial, CancelCard cancel, CancellationToken cancellationToken) =>
        Respond(await cancel.ExecuteAsync(serial, cancellationToken));

    private static async Task<IResult> ReviewAsync(
        string serial, ReviewBody body, HttpContext http, ReviewRedemption review, CancellationToken cancellationToken)
    {
        if (body.Decision is not ("approve" or "decline"))
            return Problems.Validation("decision must be approve or decline.");
        var command = new ReviewCommand(serial, body.Decision == "approve", http.User.Subject());
        return Respond(await review.ExecuteAsync(command, cancellationToken));
    }

    private static IResult Respond(Result<Card> result) =>
        result.Succeeded ? Results.Ok(CardResponse.Of(result.Value)) : Problems.For(result.Failure!);
}
