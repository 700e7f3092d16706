using System.Security.Cryptography;

namespace Gifting.Core.Cards;

/// <summary>
/// The cards one issuing request asked for, named by the request (its idempotency key). Everything a card is found
/// by is derived from the batch's secret salt and the card's place in it, so every run of the request, concurrent or
/// after a crash, names the same cards: a re-run finds what an earlier run created instead of creating more.
/// </summary>
public sealed record CardBatch(
    string BatchId, byte[] Salt, int Count, Money Value, Marketplace Marketplace, CardKind Kind, bool Activated)
{
    public static CardBatch For(IssueCardsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CardBatch(command.BatchId, RandomNumberGenerator.GetBytes(32), command.Count, command.Value,
            command.Marketplace, command.Kind, command.Activated);
    }

    /// <summary>Whether a request asks for this batch again, rather than reusing its name for another.</summary>
    public bool Matches(IssueCardsCommand command) =>
        command is not null && (Count, Value, Marketplace, Kind, Activated)
        == (command.Count, command.Value, command.Marketplace, command.Kind, command.Activated);

    /// <summary>Card <paramref name="index"/>'s id: the same in every run, and how a run recognises the card.</summary>
    public string CardId(int index) => new CardNames(Salt).CardId(index);

    /// <summary>The serial card <paramref name="index"/> takes on its <paramref name="attempt"/>-th try.</summary>
    public string Serial(int index, int attempt) => new CardNames(Salt).Serial(index, attempt);
}
