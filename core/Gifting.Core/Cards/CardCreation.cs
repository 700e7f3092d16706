namespace Gifting.Core.Cards;

/// <summary>What became of a request to store a new card, and so what its issuer does next.</summary>
public enum CardCreation
{
    /// <summary>The card is stored under this request's code: the issuer may hand the code out.</summary>
    Created,

    /// <summary>
    /// A card holds the serial, or is bound to: this place's card from an earlier run of its batch (found by serial
    /// from now on) or another batch's, in which case the issuer moves on to its next serial.
    /// </summary>
    SerialTaken,

    /// <summary>
    /// Nothing was stored under this code: another card holds its hash, or another run of the batch was writing the
    /// serial at the same moment. The issuer tries the same serial again with a new code.
    /// </summary>
    CodeTaken,
}
