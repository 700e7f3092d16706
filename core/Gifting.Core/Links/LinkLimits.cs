namespace Gifting.Core.Links;

/// <summary>How long a one-click link opens its line's card after the line was issued.</summary>
public sealed record LinkLimits(TimeSpan Lifetime)
{
    public static LinkLimits Default { get; } = new(TimeSpan.FromDays(90));
}
