using Gifting.Core;

namespace Gifting.Functions.Responses;

/// <summary>The redeemed card as the shopper sees it: its last four symbols and its value, never the code.</summary>
public sealed record RedeemedCard(string Last4, Money Value);

/// <summary>200 to a redemption: the card's value is in the balance.</summary>
public sealed record RedemptionResponse(string RedemptionId, RedeemedCard Card, BalanceResponse Balance);

/// <summary>202 to a redemption that a fraud rule holds; <c>status</c> is always <c>pending_review</c>.</summary>
public sealed record PendingRedemptionResponse(string RedemptionId, string Status)
{
    public const string PendingReview = "pending_review";
}
