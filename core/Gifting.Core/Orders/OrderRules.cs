namespace Gifting.Core.Orders;

/// <summary>A line's amount, by the number it was given where the order was read.</summary>
public readonly record struct LineAmount(int Line, Money Amount);

/// <summary>Why one line of an order is refused, in the domain's words.</summary>
public sealed record LineFailure(int Line, string Message);

/// <summary>
/// What the order rules found: the total of the lines that passed, each line that did not, and whether the total
/// itself is over the limit. An order is accepted only when nothing failed.
/// </summary>
public sealed record OrderCheck(Money Total, IReadOnlyList<LineFailure> Failures, string? TotalFailure)
{
    public bool Passed => Failures.Count == 0 && TotalFailure is null;
}

/// <summary>
/// The invariants of an order's amounts: each positive, in the marketplace's currency and at most the per-line
/// limit, and their total at most the per-order limit. Every line is checked, so a buyer sees all that is wrong at
/// once.
/// </summary>
public sealed class OrderRules(OrderLimits limits)
{
    public OrderCheck Check(Marketplace marketplace, IEnumerable<LineAmount> lines)
    {
        var failures = new List<LineFailure>();
        long total = 0;
        var over = false;
        foreach (var (line, amount) in lines)
        {
            if (LineProblem(marketplace, amount) is { } problem)
            {
                failures.Add(new LineFailure(line, problem));
                continue;
            }
            // Once over the limit the total stops growing: it is refused anyway, and so it can never overflow.
            if (!over) total += amount.Amount;
            over = total > limits.MaxOrderTotal;
        }
        var totalFailure = over
            ? $"An order's total may be at most {limits.MaxOrderTotal} minor units of {marketplace.Currency}."
            : null;
        return new OrderCheck(new Money(total, marketplace.Currency), failures, totalFailure);
    }

    private string? LineProblem(Marketplace marketplace, Money amount)
    {
        if (amount.Currency != marketplace.Currency)
            return $"A line must be in {marketplace.Currency}, the currency of marketplace {marketplace.Code}.";
        if (amount.Amount <= 0) return "A line's amount must be positive.";
        if (amount.Amount > limits.MaxLineAmount)
            return $"A line's amount may be at most {limits.MaxLineAmount} minor units.";
        return null;
    }
}
