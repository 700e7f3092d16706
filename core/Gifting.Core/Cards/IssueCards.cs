using Gifting.Core.Codes;

namespace Gifting.Core.Cards;

/// <summary>
/// What to issue, and the batch it is: <see cref="BatchId"/> names the request, so every run of it issues one batch.
/// </summary>
public sealed record IssueCardsCommand(
    int Count, Money Value, Marketplace Marketplace, CardKind Kind, bool Activated, string IssuedBy, string BatchId);

/// <summary>
/// A card of the batch, with the one copy of its code that will ever exist outside its recipient's hands if this run
/// created it; without a code if an earlier run of the request did.
/// </summary>
public sealed record IssuedCard(Card Card, ClaimCode? Code);

public sealed class IssueCards(
    ICardStore cards, CodeHasher hasher, TimeProvider clock, Liability.CardTotals? cardTotals = null)
{
    private readonly Liability.CardTotals _totals = cardTotals ?? new Liability.CardTotals();

    public const int MaxCount = 1000;
    public const long MaxValueMinorUnits = 1_000_000_00;
    private const int Parallelism = 8;

    // A serial clash with another batch is a 1 in 10^16 event per card and a code hash clash 1 in 2^70: the bound only
    // keeps a broken store from looping forever.
    private const int MaxTries = 16;

    public async Task<Result<IReadOnlyList<IssuedCard>>> ExecuteAsync(
        IssueCardsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(command.BatchId);
        if (command.Count is < 1 or > MaxCount)
            return new Failure(ErrorCode.ValidationFailed, $"A batch holds 1 to {MaxCount} cards.");
        if (command.Value.Amount <= 0 || command.Value.Amount > MaxValueMinorUnits)
            return new Failure(ErrorCode.ValidationFailed,
                $"A card's value must be positive and at most {MaxValueMinorUnits} minor units.");
        if (command.Value.Currency != command.Marketplace.Currency)
            return new Failure(ErrorCode.ValidationFailed,
                $"A card for marketplace {command.Marketplace} holds {command.Marketplace.Currency}.");

        var batch = await cards.BeginBatchAsync(CardBatch.For(command), cancellationToken);
        if (!batch.Matches(command))
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This key first issued a different batch of cards.");
        var issued = new IssuedCard[command.Count];
        await Parallel.ForAsync(0, command.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => issued[i] = await IssueOneAsync(batch, i, command.IssuedBy, ct));
        return issued;
    }

    /// <summary>
    /// Creates card <paramref name="index"/> of the batch, or finds it if an earlier run did. Its serial is the first
    /// of the batch's derived serials for it that no other batch has taken, so every run walks to the same one.
    /// </summary>
    private async Task<IssuedCard> IssueOneAsync(
        CardBatch batch, int index, string issuedBy, CancellationToken cancellationToken)
    {
        var cardId = batch.CardId(index);
        var attempt = 0;
        for (var tries = 0; tries < MaxTries; tries++)
        {
            var code = ClaimCode.Generate();
            var card = NewCard(batch, cardId, batch.Serial(index, attempt), code, issuedBy);
            var created = await cards.TryCreateAsync(card, cancellationToken);
            if (created == CardCreation.Created)
            {
                await _totals.IssuedAsync(card);
                return new IssuedCard(card, code);
            }
            if (created == CardCreation.CodeTaken) continue;
            var holder = await cards.FindBySerialAsync(card.Serial, cancellationToken);
            if (holder?.Card.CardId == cardId)
            {
                // Created by an earlier run that may have stopped before counting it.
                await _totals.IssuedAsync(holder.Card);
                return new IssuedCard(holder.Card, null);
            }
            // Another batch's card holds the serial, or is being written there: try the next.
            attempt++;
        }
        throw new InvalidOperationException($"Card {index} of a batch found no free serial in {MaxTries} tries.");
    }

    private Card NewCard(CardBatch batch, string cardId, string serial, ClaimCode code, string issuedBy) => new()
    {
        CardId = cardId,
        Serial = serial,
        CodeHash = hasher.Hash(CodePurpose.ClaimCode, code.Normalized),
        Last4 = code.Last4,
        Value = batch.Value,
        Marketplace = batch.Marketplace,
        Kind = batch.Kind,
        Status = batch.Kind == CardKind.Digital || batch.Activated ? CardStatus.Active : CardStatus.Inactive,
        IssuedAt = clock.GetUtcNow(),
        IssuedBy = issuedBy,
    };
}
