using System.Globalization;
using Gifting.Core;

namespace Gifting.Functions.Orders;

/// <summary>An order's own fields once their shape is right.</summary>
public sealed record OrderFields(
    string ExternalRef, Marketplace Marketplace, string SenderName, DateTimeOffset? DeliverAt);

/// <summary>What is wrong with one of the order's own fields (not a line's).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The shape of an order's own fields, from a JSON body or a CSV order's query parameters alike. Whether
/// <c>deliverAt</c> is in the future is core's to say, with its clock.
/// </summary>
public static class OrderFieldsShape
{
    public const int MaxExternalRef = 100;
    public const int MaxSenderName = 100;

    public static OrderFields? Check(OrderFieldValues values, List<FieldError> errors)
    {
        var before = errors.Count;
        var externalRef = Text(values.ExternalRef, "externalRef", MaxExternalRef, errors);
        var senderName = Text(values.SenderName, "senderName", MaxSenderName, errors);
        if (!Marketplace.TryParse(values.Marketplace, out var marketplace))
            errors.Add(new FieldError("marketplace", "marketplace must be one this service serves, such as US."));
        DateTimeOffset? deliverAt = null;
        if (!string.IsNullOrEmpty(values.DeliverAt))
        {
            if (DateTimeOffset.TryParseExact(values.DeliverAt, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && HasOffset(values.DeliverAt))
                deliverAt = parsed;
            else
                errors.Add(new FieldError("deliverAt",
                    "deliverAt must be an ISO 8601 date and time with an offset, such as 2027-01-01T09:00:00Z."));
        }
        return errors.Count == before ? new OrderFields(externalRef!, marketplace, senderName!, deliverAt) : null;
    }

    private static string? Text(string? value, string field, int max, List<FieldError> errors)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > max || value.Any(char.IsControl))
        {
            errors.Add(new FieldError(field,
                $"{field} is required: at most {max} characters, without control characters."));
            return null;
        }
        return value;
    }

    private static bool HasOffset(string value) => value.EndsWith('Z') || value.Length > 6 && value[^6] is '+' or '-';
}
