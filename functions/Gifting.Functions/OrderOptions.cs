using System.ComponentModel.DataAnnotations;
using Gifting.Core.Orders;

namespace Gifting.Functions;

/// <summary>What one corporate order may carry.</summary>
public sealed class OrderOptions : IValidatableObject
{
    public const string Section = "Orders";

    /// <summary>In minor units.</summary>
    [Range(1, 1_000_000_00)]
    public long MaxLineAmount { get; set; } = OrderLimits.Default.MaxLineAmount;

    /// <summary>In minor units; far below what a long holds, so no total of bounded lines comes near it.</summary>
    [Range(1, 10_000_000_000_00)]
    public long MaxOrderTotal { get; set; } = OrderLimits.Default.MaxOrderTotal;

    /// <summary>The contract answers 413 over 10,000 lines, so a larger setting would break it.</summary>
    [Range(1, 10_000)]
    public int MaxLines { get; set; } = OrderLimits.Default.MaxLines;

    /// <summary>
    /// How long an order's intake or cancellation may stay unfinished before the sweeper finishes it: longer than
    /// a request takes to store a 10,000-line order, so the sweeper does not repeat work a request is still doing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxOrderTotal < MaxLineAmount)
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxOrderTotal)} must be at least {Section}:{nameof(MaxLineAmount)}.",
                [nameof(MaxOrderTotal)]);
    }

    public OrderLimits ToLimits() => new(MaxLineAmount, MaxOrderTotal, MaxLines);
}
