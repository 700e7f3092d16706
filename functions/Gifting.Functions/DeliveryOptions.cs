using System.ComponentModel.DataAnnotations;
using Gifting.Core.Delivery;

namespace Gifting.Functions;

/// <summary>Where one-click links point, and how deliveries are held and spaced.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Delivery";

    /// <summary>The public address of the redeem page's host: links are <c>{PublicBaseUrl}redeem?t=...</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = DeliverySettings.Default.PublicBase;

    /// <summary>
    /// How long a run's claim on a delivery keeps every other copy of its message from sending it: longer than one
    /// send takes, shorter than the queue's message lock, so the redelivery after a crash finds the claim lapsed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan ClaimLease { get; set; } = DeliverySettings.Default.ClaimLease;

    /// <summary>The least time between two deliveries of one line; the contract's resend limit is 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResendGap { get; set; } = DeliverySettings.Default.ResendGap;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var url = PublicBaseUrl;
        var loopback = url is { IsAbsoluteUri: true, IsLoopback: true };
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && !loopback)
            || !url.AbsolutePath.EndsWith('/') || url.Query.Length > 0 || url.Fragment.Length > 0)
            yield return new ValidationResult(
                $"{Section}:{nameof(PublicBaseUrl)} must be an absolute https URL ending in '/' (plain http only to "
                + "a loopback address), without a query.", [nameof(PublicBaseUrl)]);
    }

    public DeliverySettings ToSettings() => new(PublicBaseUrl, ClaimLease, ResendGap);
}
