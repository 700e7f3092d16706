namespace Gifting.Testing;

public sealed partial class CoreBuilder
{
    private readonly InMemoryLiabilityTotals _liability = new();
}

public sealed partial class TestCore
{
    /// <summary>The running liability totals the use cases keep.</summary>
    public InMemoryLiabilityTotals Liability { get; init; } = new();
}
