using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Runs something else once, at a chosen point between a caller's read and its next write, so a race that needs a
/// precise interleaving happens every time instead of by chance. This one runs it after the first lookup by code that
/// finds a card matching <c>when</c>, before the caller sees the (now stale) card.
/// </summary>
internal sealed class HookedCardStore(ICardStore inner, Func<Card, bool> when, Func<Task> afterFindByCode)
    : DelegatingCardStore(inner)
{
    private int _fired;

    public override async Task<StoredCard?> FindByCodeHashAsync(
        IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        var found = await base.FindByCodeHashAsync(codeHashes, cancellationToken);
        if (found is not null && when(found.Card) && Interlocked.Exchange(ref _fired, 1) == 0) await afterFindByCode();
        return found;
    }
}

/// <summary>Runs something else once, just before the first hold is recorded.</summary>
internal sealed class HookedHoldStore(IHoldStore inner, Func<Task> beforeFirstPut) : IHoldStore
{
    private int _fired;

    public async Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _fired, 1) == 0) await beforeFirstPut();
        await inner.PutAsync(account, hold, cancellationToken);
    }

    public Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken) =>
        inner.RemoveAsync(account, cardId, cancellationToken);
}

/// <summary>
/// Runs something else once, just before the first conditional replace of a card, so that replace loses to the
/// other write and the caller has to read the card again.
/// </summary>
internal sealed class RacedReplaceCardStore(ICardStore inner, Func<Task> beforeFirstReplace)
    : DelegatingCardStore(inner)
{
    private int _fired;

    public override async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _fired, 1) == 0) await beforeFirstReplace();
        return await base.TryReplaceAsync(card, etag, cancellationToken);
    }
}

/// <summary>
/// Before the first replace with a card matching <c>when</c> (any card if none is given) goes through, rewrites the
/// stored card unchanged, so the caller's etag is stale and it has to reread and decide again.
/// </summary>
internal sealed class TouchedBeforeReplaceCardStore(ICardStore inner, Func<Card, bool>? when = null)
    : DelegatingCardStore(inner)
{
    private int _fired;

    public override async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        if ((when?.Invoke(card) ?? true) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            var stored = await base.FindBySerialAsync(card.Serial, cancellationToken);
            await base.TryReplaceAsync(stored!.Card, stored.ETag, cancellationToken);
        }

        return await base.TryReplaceAsync(card, etag, cancellationToken);
    }
}

/// <summary>
/// Answers the first create with <see cref="CardCreation.CodeTaken"/>, storing nothing, as a hash clash would.
/// </summary>
internal sealed class CodeClashOnceCardStore(ICardStore inner) : DelegatingCardStore(inner)
{
    private int _fired;

    public override Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _fired, 1) == 0
            ? Task.FromResult(CardCreation.CodeTaken)
            : base.TryCreateAsync(card, cancellationToken);
}

/// <summary>Answers every create with <see cref="CardCreation.CodeTaken"/> and counts them: a broken store.</summary>
internal sealed class CodeAlwaysTakenCardStore(ICardStore inner) : DelegatingCardStore(inner)
{
    private int _creates;

    public int Creates => _creates;

    public override Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _creates);
        return Task.FromResult(CardCreation.CodeTaken);
    }
}
