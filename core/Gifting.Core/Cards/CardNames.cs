using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Cards;

/// <summary>
/// The names of the cards a batch or an order issues, derived from its secret salt and each card's place in it, so
/// every run names the same cards: a re-run finds what an earlier run created instead of creating more.
/// </summary>
public sealed class CardNames(byte[] salt)
{
    private static readonly BigInteger SerialRange = BigInteger.Pow(10, 16);

    /// <summary>Card <paramref name="index"/>'s id: the same in every run, and how a run recognises the card.</summary>
    public string CardId(int index) => Convert.ToHexStringLower(Mac($"card:{index}"))[..32];

    /// <summary>
    /// The serial card <paramref name="index"/> takes on its <paramref name="attempt"/>-th try (a try moves on only
    /// when another card holds the serial): 16 digits, unpredictable without the salt, unrelated to the code.
    /// </summary>
    public string Serial(int index, int attempt)
    {
        var value = new BigInteger(Mac($"serial:{index}:{attempt}"), isUnsigned: true) % SerialRange;
        return value.ToString("D16", CultureInfo.InvariantCulture);
    }

    private byte[] Mac(string input) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(input));
}
