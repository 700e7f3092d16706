using System.Security.Cryptography;
using Gifting.Core.Codes;

namespace Gifting.Core.Cards;

public sealed record IssueCardsCommand(int Count, Money Value, Marketplace Marketplace, CardKind Kind, bool Activated, string IssuedBy);

/// <summary>A new card with the one copy of its code that will ever exist outside its recipient's hands.</summary>
public sealed record IssuedCard(Card Card, ClaimCode Code);

public sealed class IssueCards(ICardStore cards, CodeHasher hasher, TimeProvider clock)
{
    public const int MaxCount = 1000;
    public const long MaxValueMinorUnits = 1_000_000_00;
    private const int Parallelism = 8;

    public async Task<Result<IReadOnlyList<IssuedCard>>> ExecuteAsync(IssueCardsCommand command, CancellationToken cancellationToken)
    {
        if (command.Count is < 1 or > MaxCount)
            return new Failure(ErrorCode.ValidationFailed, $"count must be between 1 and {MaxCount}.");
        if (command.Value.Amount <= 0 || command.Value.Amount > MaxValueMinorUnits)
            return new Failure(ErrorCode.ValidationFailed, "value.amount must be positive and at most 100000000 minor units.");
        if (command.Value.Currency != command.Marketplace.Currency)
            return new Failure(ErrorCode.ValidationFailed, $"value.currency must be {command.Marketplace.Currency} in marketplace {command.Marketplace}.");

        var issued = new IssuedCard[command.Count];
        await Parallel.ForAsync(0, command.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => issued[i] = await IssueOneAsync(command, ct));
        return issued;
    }

    private async Task<IssuedCard> IssueOneAsync(IssueCardsCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ClaimCode.Generate();
            var card = new Card
            {
                CardId = Guid.NewGuid().ToString("N"),
                Serial = NewSerial(),
                CodeHash = hasher.Hash(CodePurpose.ClaimCode, code.Normalized),
                Last4 = code.Last4,
                Value = command.Value,
                Marketplace = command.Marketplace,
                Kind = command.Kind,
                Status = command.Kind == CardKind.Digital || command.Activated ? CardStatus.Active : CardStatus.Inactive,
                IssuedAt = clock.GetUtcNow(),
                IssuedBy = command.IssuedBy,
            };
            if (await cards.TryCreateAsync(card, cancellationToken)) return new IssuedCard(card, code);
        }
    }

    /// <summary>16 random digits: printable on packaging and receipts, and unrelated to the code.</summary>
    private static string NewSerial() => RandomNumberGenerator.GetString("0123456789", 16);
}
