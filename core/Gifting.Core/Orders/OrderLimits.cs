namespace Gifting.Core.Orders;

/// <summary>
/// What one corporate order may carry. <see cref="MaxLines"/> bounds how much of a request body is ever read, so it
/// is applied as the lines are read; the amounts are checked by <see cref="OrderRules"/> once the lines are known.
/// </summary>
public sealed record OrderLimits(long MaxLineAmount, long MaxOrderTotal, int MaxLines)
{
    /// <summary>
    /// How many lines one chunk message issues or cancels: small enough that one invocation ends well within its
    /// time limit and the message's lock, large enough that a 10,000-line order is a hundred messages.
    /// </summary>
    public int ChunkSize { get; init; } = 100;

    /// <summary>
    /// 1,000.00 a recipient and 1,000,000.00 an order in a two-decimal currency; 10,000 lines, the contract's limit.
    /// </summary>
    public static OrderLimits Default { get; } = new(1_000_00, 1_000_000_00, 10_000);
}
