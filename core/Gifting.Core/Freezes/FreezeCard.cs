using Gifting.Core.Cards;
using Gifting.Core.Concurrency;

namespace Gifting.Core.Freezes;

/// <summary>
/// Freezes or unfreezes a card. The history record is written first, create-only at the next version, then the card
/// is replaced with its ETag to show it. Claims and activations are ETag-checked replaces of the same document, so
/// each of them lands either before the freeze (and the freeze finds the card claimed) or after it (and is refused).
/// </summary>
public sealed class FreezeCard(ICardStore cards, IFreezeStore freezes, TimeProvider clock)
{
    public Task<Result<Card>> ExecuteAsync(string serial, FreezeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lookup = new SerialLookup(cards, serial);
        var subject = FreezeSubject.Card(serial);
        return OptimisticRetry.RunAsync<Card>($"the freeze of card {serial}", async () =>
        {
            if (await lookup.ReadAsync(cancellationToken) is not { } stored)
                return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            var current = card.Freeze;
            if ((current?.Frozen ?? false) == command.Frozen) return card;
            var next = new FreezeState(
                (current?.Version ?? 0) + 1, command.Frozen, command.Reason, command.By, clock.GetUtcNow());
            var shown = await freezes.TryAddAsync(subject, next, cancellationToken)
                ? next
                : await freezes.FindAsync(subject, next.Version, cancellationToken)
                    ?? throw new InvalidOperationException("A freeze record clashed but cannot be found.");
            var frozen = card with { Freeze = shown };
            // A lost replace reads the card again; the record it clashes with next time is this one, applied then.
            if (await cards.TryReplaceAsync(frozen, stored.ETag, cancellationToken) is null) return null;
            if (shown != next) return null;
            return frozen;
        }, cancellationToken);
    }
}
