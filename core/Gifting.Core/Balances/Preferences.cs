namespace Gifting.Core.Balances;

/// <summary>Whether the gift balance is spent automatically on orders and on subscriptions.</summary>
public sealed record Preferences(bool ApplyToOrders, bool ApplyToSubscriptions)
{
    public static Preferences Default { get; } = new(true, true);
}
