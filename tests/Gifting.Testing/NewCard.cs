using Gifting.Core.Cards;
using Gifting.Core.Codes;

namespace Gifting.Testing;

/// <summary>A card a test issued in a fresh batch, so with its code.</summary>
public sealed record NewCard(Card Card, ClaimCode Code);
