using Gifting.Core;
using Gifting.Core.Links;

namespace Gifting.Functions.Responses;

/// <summary>
/// 200 to a link preview. <c>state</c> is <c>available</c>, <c>redeemed</c> or <c>expired</c>; sender, message and
/// amount are there only while the gift can be applied, <c>redeemedAt</c> only when it went into the caller's balance.
/// </summary>
public sealed record LinkPreviewResponse(
    LinkState State, string? SenderName, string? Message, Money? Amount, string? Last4, DateTimeOffset ExpiresAt,
    bool RedeemedByYou, DateTimeOffset? RedeemedAt)
{
    public static LinkPreviewResponse Of(LinkPreview p) => new(p.State, p.SenderName, p.Message, p.Amount, p.Last4,
        p.ExpiresAt, p.RedeemedAt is not null, p.RedeemedAt);
}
