namespace Gifting.Core.Delivery;

/// <summary>What a send attempt means for the delivery that made it.</summary>
public enum SendOutcome
{
    /// <summary>The provider accepted the message; it is on its way.</summary>
    Sent,

    /// <summary>Not accepted now (throttled, unavailable, no answer); the same send may succeed later.</summary>
    Transient,

    /// <summary>Refused for good (a rejected address, a malformed request); sending again will fail again.</summary>
    Permanent,
}
