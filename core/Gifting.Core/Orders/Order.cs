namespace Gifting.Core.Orders;

/// <summary>
/// Where an order is. <see cref="Intake"/> and <see cref="Abandoned"/> are never shown: an order is visible from the
/// moment its funding is reserved and it is <see cref="Accepted"/>.
/// </summary>
public enum OrderStatus
{
    /// <summary>Being stored: its lines may not all be written, and nothing is reserved for it yet.</summary>
    Intake,

    Accepted,
    Issuing,
    Delivering,
    Completed,
    CompletedWithFailures,
    Cancelled,

    /// <summary>Never accepted: its funding fell short, or its intake stopped before anything was reserved.</summary>
    Abandoned,
}

/// <summary>How many of an order's lines reached each point; moved only by counted increments.</summary>
public sealed record OrderCounts(int Issued, int Sent, int Failed, int Redeemed)
{
    public static OrderCounts None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// A corporate order as stored. <see cref="OrderId"/> is derived from the buyer's idempotency key, so every run of
/// one request names the same order. Its lines are issued in chunks of <see cref="ChunkSize"/> (kept on the order,
/// so a change of setting never renumbers an order's chunks). <see cref="Salt"/> derives each line's card id and
/// serials, so every run of a chunk names the same cards.
/// </summary>
public sealed record Order
{
    public required string OrderId { get; init; }
    public required OrgId Org { get; init; }
    public required OrderStatus Status { get; init; }
    public required Marketplace Marketplace { get; init; }
    public string? ExternalRef { get; init; }
    public required string SenderName { get; init; }
    public DateTimeOffset? DeliverAt { get; init; }
    public required Money Total { get; init; }
    public required int LineCount { get; init; }
    public required int ChunkSize { get; init; }
    public required byte[] Salt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>A hash of everything the buyer sent, so a reused key with another order is told apart.</summary>
    public required string Fingerprint { get; init; }

    public OrderCounts Counts { get; init; } = OrderCounts.None;

    /// <summary>
    /// The status whose chunk messages were all sent: <see cref="OrderStatus.Accepted"/> once the issuing messages
    /// were, <see cref="OrderStatus.Cancelled"/> once the cancelling ones were. Until it equals
    /// <see cref="Status"/>, the order's index entry stays for the sweeper.
    /// </summary>
    public OrderStatus? PublishedFor { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancelledBy { get; init; }

    public int ChunkCount => (LineCount + ChunkSize - 1) / ChunkSize;

    /// <summary>Whether anybody but the store may see the order.</summary>
    public bool Visible => Status is OrderStatus.Accepted or OrderStatus.Cancelled;

    /// <summary>Whether the messages of the order's current work still have to be sent.</summary>
    public bool Unpublished => Visible && PublishedFor != Status;

    /// <summary>
    /// The status the contract shows. Stored are only <see cref="OrderStatus.Accepted"/> and
    /// <see cref="OrderStatus.Cancelled"/>; how far an accepted order got follows from its counts, so no status is
    /// ever written by a step that also counts.
    /// </summary>
    public OrderStatus Progress()
    {
        if (Status != OrderStatus.Accepted) return Status;
        if (Counts.Issued == 0) return OrderStatus.Accepted;
        if (Counts.Issued < LineCount) return OrderStatus.Issuing;
        // A line is redeemed only after it was sent, so sent and failed lines are all there is to wait for.
        if (Counts.Sent + Counts.Failed < LineCount) return OrderStatus.Delivering;
        return Counts.Failed > 0 ? OrderStatus.CompletedWithFailures : OrderStatus.Completed;
    }
}

/// <summary>An order as read, with the version a conditional write must match.</summary>
public sealed record StoredOrder(Order Order, string ETag);
