using Gifting.Core.Codes;

namespace Gifting.Core.Delivery;

/// <summary>
/// What an e-gift's message says: who sent it, to whom, how much, and how to redeem it. The sender's name, the
/// message and the recipient's name come from the buyer and are treated as hostile; the rest is the app's own.
/// <see cref="OneClickLink"/> carries the link token and <see cref="Code"/> the claim code, so neither is ever printed.
/// </summary>
public sealed record GiftContent(
    string SenderName, string? Message, string RecipientName, Money Amount, Marketplace Marketplace, ClaimCode Code,
    Uri OneClickLink, Uri RedeemPage)
{
    public override string ToString() => $"GiftContent {{ Marketplace = {Marketplace}, Amount = {Amount} }}";
}
