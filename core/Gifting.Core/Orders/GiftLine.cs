using System.Globalization;
using Gifting.Core.Codes;

namespace Gifting.Core.Orders;

/// <summary>Where one line of an order is, in the contract's words.</summary>
public enum LineStatus
{
    /// <summary>Not issued: it may hold a sealed code and the card it will be, but that card is not yet its.</summary>
    Pending,

    /// <summary>Issued: its card exists and is active, and its code waits for delivery.</summary>
    Scheduled,

    Sent,
    Failed,
    Redeemed,
    Cancelled,
}

/// <summary>
/// One recipient of an order as stored. <see cref="Index"/> is the line's place in the order from 0, naming its chunk
/// and its card; <see cref="Number"/> is where the buyer had it (a CSV file's line). Before its card is created the
/// line records the card it will be (id, serial, code hash, last four) and the code, sealed to the line, so every run
/// of its chunk creates that one card with that one code, and the code can be delivered and resent. Its one-click
/// link token is drawn and sealed with the code, to the line's <see cref="LinkOwner"/>. The sealed code and link are
/// erased once the line is redeemed or cancelled.
/// </summary>
public sealed record GiftLine
{
    public required string OrderId { get; init; }
    public required OrgId Org { get; init; }
    public required int Index { get; init; }
    public required int Number { get; init; }
    public required string RecipientName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public required DeliveryChannel Channel { get; init; }
    public required Money Amount { get; init; }
    public string? Message { get; init; }
    public required LineStatus Status { get; init; }

    public string? CardId { get; init; }
    public string? Serial { get; init; }

    /// <summary>Which derived serial <see cref="Serial"/> is: a try moves on past another's card.</summary>
    public int SerialAttempt { get; init; }

    public string? CodeHash { get; init; }
    public string? Last4 { get; init; }
    public EncryptedCode? SealedCode { get; init; }

    /// <summary>The line's link token, sealed; the index knows the token only by its HMAC.</summary>
    public EncryptedCode? SealedLink { get; init; }

    /// <summary>When the link stops opening the card; the code itself can still be typed after.</summary>
    public DateTimeOffset? LinkExpiresAt { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? FailureReason { get; init; }
    public DateTimeOffset? RedeemedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>
    /// The line's last move (to redeemed, sent or failed) is not yet in its order's counts. The step that made the
    /// move counts it and clears this; the sweeper finishes a step that stopped in between.
    /// </summary>
    public bool Uncounted { get; init; }

    /// <summary>How many deliveries of the line were begun: the next one is numbered by it (0 is the first).</summary>
    public int Sends { get; init; }

    /// <summary>The delivery being sent, claimed at <see cref="ClaimedAt"/> by the run sending it.</summary>
    public string? ClaimedDelivery { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>When <see cref="ClaimedDelivery"/> was first claimed: the repeatability time it is sent with.</summary>
    public DateTimeOffset? FirstClaimedAt { get; init; }

    /// <summary>The last delivery that ended, sent or failed: a copy of its message is done.</summary>
    public string? DoneDelivery { get; init; }

    /// <summary>When the last delivery was asked for, which spaces resends apart.</summary>
    public DateTimeOffset? LastRequestedAt { get; init; }

    /// <summary>The line's id in the contract: its place in the order from 1, five digits.</summary>
    public string LineId => IdOf(Index);

    public int Chunk(int chunkSize) => Index / chunkSize;

    /// <summary>What a sealed code of this line is bound to: no other line's sealed code opens as its.</summary>
    public string CodeOwner => OwnerOf(OrderId, Index);

    /// <summary>What the sealed link is bound to: never a code's owner, so neither opens as the other.</summary>
    public string LinkOwner => "link:" + CodeOwner;

    public static string IdOf(int index) => (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    public static string OwnerOf(string orderId, int index) => $"order-line:{orderId}:{IdOf(index)}";
}

/// <summary>A line as read, with the version a conditional write must match.</summary>
public sealed record StoredLine(GiftLine Line, string ETag);
