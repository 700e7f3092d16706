namespace Gifting.Core.Delivery;

/// <summary>One rendered text message to one phone number in E.164 form (<c>+447700900123</c>).</summary>
public sealed record SmsMessage(string To, string Text);
