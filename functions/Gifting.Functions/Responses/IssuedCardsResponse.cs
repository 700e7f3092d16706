using System.Text.Json.Serialization;

namespace Gifting.Functions.Responses;

/// <summary>One issued card; <c>code</c> appears in the first response only, never in a replay.</summary>
public sealed record IssuedCardBody(
    string CardId, string Serial, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code,
    string Last4, string Status);

/// <summary>201 to <c>POST /api/cards</c>.</summary>
public sealed record IssuedCardsResponse(IReadOnlyList<IssuedCardBody> Cards);
