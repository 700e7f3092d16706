using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Concurrency;
using Gifting.Core.Funding;
using Gifting.Core.Links;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Orders;

/// <summary>
/// A line and its card, moved together. Issuing records on the line the card it will be, its sealed code and its
/// sealed link token before the card is written, so every run creates that one card with that one code, and enters
/// the link in the index after the card and before the line is issued, so every issued line's link finds its card.
/// Cancelling takes the card first and the line second, and gives the line's value back last, once. Each move is a
/// conditional write of the line or the card, so a line redeemed and cancelled in the same instant ends as one of the
/// two, never both.
/// </summary>
public sealed class LineCards(
    IOrderStore orders, ICardStore cards, CodeHasher hasher, CodeCipher cipher, CompleteRedemption complete,
    ReleaseFunding release, LinkTokens linkTokens, ILinkIndex links, TimeProvider clock,
    Liability.CardTotals? cardTotals = null)
{
    private readonly Liability.CardTotals _totals = cardTotals ?? new Liability.CardTotals();

    // A code hash clash is a 1 in 2^70 event and a serial clash 1 in 10^16 per card: the bound only keeps a broken
    // store from looping forever.
    private const int MaxTries = 16;

    /// <summary>Issues a pending line's card; a line already issued, or cancelled, is left as it is.</summary>
    public async Task<GiftLine> IssueAsync(Order order, StoredLine stored, CancellationToken cancellationToken)
    {
        var names = new CardNames(order.Salt);
        var current = stored;
        for (var tries = 0; tries < MaxTries * 4; tries++)
        {
            var line = current.Line;
            if (line.Status == LineStatus.Cancelled)
            {
                await EnsureCardCancelledAsync(line, cancellationToken);
                return line;
            }
            if (line.Status != LineStatus.Pending) return line;
            if (line.SealedCode is null)
            {
                current = await RecordCardAsync(current, names, cancellationToken);
                continue;
            }
            if (line.SealedLink is null)
            {
                // Sealed before lines had links: its card may already hold the code, so only the link is drawn.
                current = await ReplaceOrRereadAsync(
                    current, linkTokens.Draw(line, clock.GetUtcNow()), cancellationToken);
                continue;
            }
            var card = CardOf(order, line, cipher.Decrypt(line.SealedCode, line.CodeOwner));
            var created = await cards.TryCreateAsync(card, cancellationToken);
            if (created == CardCreation.CodeTaken)
            {
                var holder = await cards.FindByCodeHashAsync([card.CodeHash], cancellationToken);
                // Another card holds the hash, so this code can never be the line's: draw another. With no card
                // there, a run of this line was writing at the same moment: try the same code again.
                if (holder is not null && holder.Card.CardId != card.CardId)
                    current = await ReplaceOrRereadAsync(current, line with { SealedCode = null }, cancellationToken);
                continue;
            }
            if (created == CardCreation.SerialTaken)
            {
                var holder = await cards.FindBySerialAsync(card.Serial, cancellationToken);
                if (holder?.Card.CardId != card.CardId)
                {
                    var attempt = line.SerialAttempt + 1;
                    current = await ReplaceOrRereadAsync(current,
                        line with { SerialAttempt = attempt, Serial = names.Serial(line.Index, attempt) },
                        cancellationToken);
                    continue;
                }
                if (holder.Card.CodeHash != card.CodeHash)
                    throw new InvalidOperationException(
                        $"Line {line.LineId} of order {line.OrderId} has a card under a code it does not hold.");
                // Written by an earlier run that may have stopped before counting it: counted once, by its mark.
                await _totals.IssuedAsync(holder.Card);
            }
            else
            {
                await _totals.IssuedAsync(card);
            }
            // Create-only and derived from the line, so a run after a crash here writes the same entry or finds it.
            await links.AddAsync(linkTokens.EntryOf(line, card.Line!), cancellationToken);
            var issued = line with { Status = LineStatus.Scheduled, IssuedAt = clock.GetUtcNow() };
            if (await orders.TryReplaceLineAsync(issued, current.ETag, cancellationToken) is not null) return issued;
            current = await RereadAsync(line, cancellationToken);
        }
        throw new InvalidOperationException(
            $"Line {current.Line.LineId} of order {current.Line.OrderId} found no card.");
    }

    /// <summary>
    /// Cancels a line not yet redeemed and gives its value back: its card first (a claim already binding is finished
    /// instead, and the line is the redeemer's), then the line, then the funding, once per line. A line whose card is
    /// held for review is left to the review.
    /// </summary>
    public async Task<GiftLine> CancelAsync(Order order, StoredLine stored, CancellationToken cancellationToken)
    {
        var current = stored;
        var settled = await OptimisticRetry.RunAsync<GiftLine>($"line {stored.Line.LineId}", async () =>
        {
            var line = current.Line;
            if (line.Status == LineStatus.Redeemed) return line;
            if (line.Status != LineStatus.Cancelled)
            {
                if (await TakeCardAsync(line, cancellationToken) is Taken.Redeemed or Taken.Held) return line;
                var cancelled = line with
                {
                    Status = LineStatus.Cancelled, SealedCode = null, SealedLink = null,
                    CancelledAt = clock.GetUtcNow(),
                };
                if (await orders.TryReplaceLineAsync(cancelled, current.ETag, cancellationToken) is null)
                {
                    current = await RereadAsync(line, cancellationToken);
                    return null;
                }
                line = cancelled;
            }
            // A run issuing the line may have written its card after the first look: it cancels it, as does this.
            await EnsureCardCancelledAsync(line, cancellationToken);
            var released = await release.ExecuteAsync(
                new ReleaseFundingCommand(order.Org, order.OrderId, line.LineId, line.Amount), cancellationToken);
            if (!released.Succeeded)
                throw new InvalidOperationException(
                    $"Line {line.LineId} of order {order.OrderId} could not give its value back: "
                    + released.Failure!.Detail);
            return line;
        }, cancellationToken);
        return settled.Value;
    }

    /// <summary>What became of a line's card when its line was cancelled.</summary>
    private enum Taken
    {
        NoCard,
        Cancelled,
        Redeemed,
        Held,
    }

    /// <summary>Cancels the line's card if one was written and nobody has claimed it.</summary>
    private async Task<Taken> TakeCardAsync(GiftLine line, CancellationToken cancellationToken)
    {
        if (line.CodeHash is null) return Taken.NoCard;
        var settled = await OptimisticRetry.RunAsync<Taken>($"card of line {line.LineId}", async () =>
        {
            var stored = await cards.FindByCodeHashAsync([line.CodeHash], cancellationToken);
            if (stored is null || stored.Card.CardId != line.CardId) return Taken.NoCard;
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Cancelled:
                    await _totals.CancelledAsync(card);
                    return Taken.Cancelled;
                case CardStatus.Redeemed:
                    return Taken.Redeemed;
                case CardStatus.Held:
                    return Taken.Held;
                case CardStatus.Redeeming:
                    // Someone's claim is already binding: finish it rather than take value from them, and look again,
                    // for a claimant who can no longer be credited gives the card back, active, to be cancelled.
                    await complete.ExecuteAsync(stored, cancellationToken);
                    return null;
            }
            var cancelled = card with { Status = CardStatus.Cancelled, CancelledAt = clock.GetUtcNow() };
            if (await cards.TryReplaceAsync(cancelled, stored.ETag, cancellationToken) is null) return null;
            await _totals.CancelledAsync(cancelled);
            return Taken.Cancelled;
        }, cancellationToken);
        return settled.Value;
    }

    /// <summary>A cancelled line's card, if one was written, is cancelled too: nobody holds its code now.</summary>
    private async Task EnsureCardCancelledAsync(GiftLine line, CancellationToken cancellationToken)
    {
        var taken = await TakeCardAsync(line, cancellationToken);
        if (taken is Taken.Redeemed or Taken.Held)
            throw new InvalidOperationException(
                $"Line {line.LineId} of order {line.OrderId} is cancelled, but its card was claimed.");
    }

    /// <summary>Draws the line's code and link token and records them, sealed, with the card the code names.</summary>
    private async Task<StoredLine> RecordCardAsync(
        StoredLine current, CardNames names, CancellationToken cancellationToken)
    {
        var line = current.Line;
        var code = ClaimCode.Generate();
        var recorded = linkTokens.Draw(line, clock.GetUtcNow()) with
        {
            CardId = names.CardId(line.Index),
            Serial = line.Serial ?? names.Serial(line.Index, line.SerialAttempt),
            CodeHash = hasher.Hash(CodePurpose.ClaimCode, code.Normalized),
            Last4 = code.Last4,
            SealedCode = cipher.Encrypt(code, line.CodeOwner),
        };
        return await ReplaceOrRereadAsync(current, recorded, cancellationToken);
    }

    private async Task<StoredLine> ReplaceOrRereadAsync(
        StoredLine current, GiftLine next, CancellationToken cancellationToken) =>
        await orders.TryReplaceLineAsync(next, current.ETag, cancellationToken) is { } etag
            ? new StoredLine(next, etag)
            : await RereadAsync(current.Line, cancellationToken);

    private async Task<StoredLine> RereadAsync(GiftLine line, CancellationToken cancellationToken) =>
        await orders.ReadLineAsync(line.OrderId, line.Index, cancellationToken)
        ?? throw new InvalidOperationException($"Line {line.LineId} of order {line.OrderId} disappeared.");

    private Card CardOf(Order order, GiftLine line, ClaimCode code) => new()
    {
        CardId = line.CardId!,
        Serial = line.Serial!,
        CodeHash = line.CodeHash!,
        Last4 = code.Last4,
        Value = line.Amount,
        Marketplace = order.Marketplace,
        Kind = CardKind.Digital,
        Status = CardStatus.Active,
        IssuedAt = clock.GetUtcNow(),
        IssuedBy = $"order:{order.OrderId}",
        Line = new LineRef(order.Org, order.OrderId, line.Index),
    };
}
