using System.ComponentModel.DataAnnotations;
using Gifting.Core.Links;

namespace Gifting.Functions;

/// <summary>How long a one-click link in a delivered gift keeps working.</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>
    /// From the line's issue. At least an hour, so a scheduled delivery's link does not die in the inbox; at most
    /// ten years, beyond which a link is a code in all but name.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Lifetime { get; set; } = LinkLimits.Default.Lifetime;

    public LinkLimits ToLimits() => new(Lifetime);
}
