using System.Text.Json.Serialization;
using Gifting.Core.Cards;

namespace Gifting.Functions.Responses;

/// <summary>One step of a card's history in the API's words: never the code.</summary>
public sealed record CardEventItem(
    string Type, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccountId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RedemptionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail)
{
    public static CardEventItem Of(CardEvent e) => new(TypeName(e.Type), e.At, e.By, e.Account?.Value,
        e.RedemptionId, e.Detail);

    public static string TypeName(CardEventType type) => type switch
    {
        CardEventType.Issued => "issued",
        CardEventType.Activated => "activated",
        CardEventType.Claimed => "claimed",
        CardEventType.Held => "held",
        CardEventType.Reviewed => "reviewed",
        CardEventType.Redeemed => "redeemed",
        CardEventType.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

/// <summary>A card as support sees it, and what happened to it, oldest first.</summary>
public sealed record CardHistoryResponse(CardResponse Card, IReadOnlyList<CardEventItem> Events)
{
    public static CardHistoryResponse Of(Card card, IReadOnlyList<CardEvent> events) =>
        new(CardResponse.Of(card), [.. events.Select(CardEventItem.Of)]);
}
