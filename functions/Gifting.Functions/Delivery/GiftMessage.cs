using Gifting.Core;
using Gifting.Core.Codes;

namespace Gifting.Functions.Delivery;

/// <summary>
/// What one e-gift message says. <see cref="SenderName"/>, <see cref="Message"/> and <see cref="RecipientName"/>
/// come from the buyer and are treated as hostile; the rest is the app's own. <see cref="OneClickLink"/> carries the
/// line's link token, so it and <see cref="Code"/> are secrets: <see cref="ToString"/> names neither.
/// </summary>
public sealed record GiftMessage(
    string SenderName,
    string? Message,
    string RecipientName,
    Money Amount,
    Marketplace Marketplace,
    ClaimCode Code,
    Uri OneClickLink,
    Uri RedeemPage)
{
    public override string ToString() => $"GiftMessage {{ Marketplace = {Marketplace}, Amount = {Amount} }}";
}
