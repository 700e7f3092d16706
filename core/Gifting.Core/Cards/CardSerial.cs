namespace Gifting.Core.Cards;

/// <summary>A card's serial: 16 ASCII digits, printable on packaging and receipts, unrelated to its code.</summary>
public static class CardSerial
{
    public const int Length = 16;

    public static bool IsWellFormed(string? serial) => serial is { Length: Length } && serial.All(char.IsAsciiDigit);
}
