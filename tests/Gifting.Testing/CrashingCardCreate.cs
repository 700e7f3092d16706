using Gifting.Core.Cards;

namespace Gifting.Testing;

/// <summary>Crashes once, just after the first card create reached the store; later creates pass.</summary>
public sealed class CrashingCardCreate(ICardStore inner) : DelegatingCardStore(inner)
{
    private int _crashed;

    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    public override async Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        var created = await base.TryCreateAsync(card, cancellationToken);
        if (created == CardCreation.Created && Interlocked.Exchange(ref _crashed, 1) == 0)
            throw new SimulatedCrashException();
        return created;
    }
}
