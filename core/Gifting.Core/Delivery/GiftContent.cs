using Gifting.Core.Codes;

namespace Gifting.Core.Delivery;

/// <summary>What an e-gift's message says: who sent it, to whom, how much, and how to redeem it.</summary>
public sealed record GiftContent(
    string SenderName, string? Message, string RecipientName, Money Amount, Marketplace Marketplace, ClaimCode Code,
    Uri Link, Uri RedeemPage);
