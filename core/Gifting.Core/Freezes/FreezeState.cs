namespace Gifting.Core.Freezes;

/// <summary>
/// A card's or an account's freeze as its latest history record set it: <see cref="Version"/> counts the records,
/// and the record at each version says whether it froze or unfroze, who did (the token's <c>sub</c>), when and why.
/// </summary>
public sealed record FreezeState(int Version, bool Frozen, string Reason, string By, DateTimeOffset At)
{
    /// <summary>The state of what was never frozen: version 0, no record behind it.</summary>
    public static FreezeState Never { get; } = new(0, false, "", "", DateTimeOffset.MinValue);
}
