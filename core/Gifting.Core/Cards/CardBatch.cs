using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Cards;

/// <summary>
/// The cards one issuing request asked for, named by the request (its idempotency key). Everything a card is found
/// by is derived from the batch's secret salt and the card's place in it, so every run of the request, concurrent or
/// after a crash, names the same cards: a re-run finds what an earlier run created instead of creating more.
/// </summary>
public sealed record CardBatch(
    string BatchId, byte[] Salt, int Count, Money Value, Marketplace Marketplace, CardKind Kind, bool Activated)
{
    private static readonly BigInteger SerialRange = BigInteger.Pow(10, 16);

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
    public string CardId(int index) => Convert.ToHexStringLower(Mac($"card:{index}"))[..32];

    /// <summary>
    /// The serial card <paramref name="index"/> takes on its <paramref name="attempt"/>-th try (a try moves on only
    /// when another batch's card holds the serial): 16 digits, unpredictable without the salt, unrelated to the code.
    /// </summary>
    public string Serial(int index, int attempt)
    {
        var value = new BigInteger(Mac($"serial:{index}:{attempt}"), isUnsigned: true) % SerialRange;
        return value.ToString("D16", CultureInfo.InvariantCulture);
    }

    private byte[] Mac(string input) => HMACSHA256.HashData(Salt, Encoding.UTF8.GetBytes(input));
}
