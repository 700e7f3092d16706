namespace Gifting.Core.Delivery;

/// <summary>
/// One rendered email to one recipient: both bodies travel together, so a mail client that shows no HTML still
/// shows the whole message.
/// </summary>
public sealed record EmailMessage(string To, string ToName, string Subject, string Html, string Text);
