namespace Gifting.Core.Orders;

/// <summary>
/// One recipient of a corporate order, as the buyer sent it: <see cref="Number"/> is where it was in the request (its
/// line in a CSV file, its place in a JSON list), so every answer about it can point there. The contact that
/// <see cref="Channel"/> needs is always present.
/// </summary>
public sealed record OrderLine(
    int Number, string RecipientName, string? Email, string? Phone, DeliveryChannel Channel, Money Amount,
    string? Message);
