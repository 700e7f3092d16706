using Gifting.Core.Cards;
using Gifting.Core.Orders;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Links;

/// <summary>Whether the gift a link opens can still be applied.</summary>
public enum LinkState
{
    Available,
    Redeemed,
    Expired,
}

/// <summary>A signed-in shopper's request to see the gift behind a link token, before deciding to apply it.</summary>
public sealed record PreviewLinkCommand(AccountId Account, string? ClientAddress, string LinkToken);

/// <summary>
/// What a link's landing page shows. Sender, message and amount are left out of an expired or used link's answer,
/// as the gift is no longer the reader's to take; <see cref="RedeemedAt"/> is set only when it went into their own
/// balance.
/// </summary>
public sealed record LinkPreview(
    LinkState State, string? SenderName, string? Message, Money? Amount, string? Last4, DateTimeOffset ExpiresAt,
    DateTimeOffset? RedeemedAt);

/// <summary>
/// Shows the gift a link token opens and changes nothing: opening a link is what mail scanners do too. A token that
/// names nothing costs an attempt under the redemption limits, so previews are no cheaper a guess than redemptions.
/// </summary>
public sealed class PreviewLink(LinkedCards links, IOrderStore orders, RedemptionThrottle throttle)
{
    public async Task<Result<LinkPreview>> ExecuteAsync(PreviewLinkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await throttle.RetryAfterAsync(command.Account, command.ClientAddress, cancellationToken) is { } wait)
            return new Failure(ErrorCode.TooManyAttempts, "Too many failed attempts to redeem. Try again later.", wait);
        var opened = await links.OpenAsync(command.LinkToken, cancellationToken);
        if (opened.Entry is not { } entry || opened.Card?.Card.Status == CardStatus.Cancelled)
        {
            if (opened.WellFormed)
                await throttle.RecordFailureAsync(command.Account, command.ClientAddress, cancellationToken);
            return new Failure(ErrorCode.InvalidCode, RedeemCode.NoSuchCode);
        }
        if (opened.Card is not { Card: var card })
            return new LinkPreview(LinkState.Expired, null, null, null, null, entry.ExpiresAt, null);
        if (card.Status is CardStatus.Redeemed or CardStatus.Redeeming or CardStatus.Held)
        {
            var yours = card.ClaimedBy == command.Account;
            return new LinkPreview(LinkState.Redeemed, null, null, yours ? card.Value : null, card.Last4,
                entry.ExpiresAt, yours ? card.RedeemedAt ?? card.ClaimedAt : null);
        }
        var order = await orders.ReadAsync(entry.Line.Org, entry.Line.OrderId, cancellationToken);
        var line = await orders.ReadLineAsync(entry.Line.OrderId, entry.Line.Index, cancellationToken);
        return new LinkPreview(LinkState.Available, order?.Order.SenderName, line?.Line.Message, card.Value,
            card.Last4, entry.ExpiresAt, null);
    }
}
