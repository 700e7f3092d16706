namespace Gifting.Functions.Responses;

/// <summary>A resend accepted: the delivery it is, which the line's status follows.</summary>
public sealed record ResendResponse(string DeliveryId);
