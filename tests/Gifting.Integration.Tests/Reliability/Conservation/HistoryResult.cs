namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>How a history ended: the step it failed at (its length for the end-of-history checks) and why.</summary>
/// <param name="FailedAt">The index of the failing step, or null when every check held.</param>
/// <param name="Problems">What disagreed (amounts, statuses, card and command indices; never codes or tokens).</param>
/// <param name="ConcurrentGroups">Steps that sent requests or messages at once.</param>
internal sealed record HistoryResult(int? FailedAt, IReadOnlyList<string> Problems, int ConcurrentGroups)
{
    public bool Failed => FailedAt is not null;
}
