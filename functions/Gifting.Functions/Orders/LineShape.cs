using System.Text.RegularExpressions;
using Gifting.Core;
using Gifting.Core.Orders;

namespace Gifting.Functions.Orders;

/// <summary>
/// The shape of one order line, whatever format it came in: lengths, email syntax, E.164 phone numbers, and a
/// channel whose contact is given. Amounts arrive already read (their format differs between JSON and CSV); whether
/// an amount is allowed is core's to say.
/// </summary>
public static partial class LineShape
{
    public const int MaxRecipientName = 200;
    public const int MaxMessage = 1_000;
    public const int MaxEmail = 254;

    /// <summary>The line, or null after reporting each problem to <paramref name="fail"/>.</summary>
    public static OrderLine? Check(
        int number, string? recipientName, string? email, string? phone, string? channel, Money? amount,
        string? message, Action<string, string> fail)
    {
        var failures = 0;
        void Fail(string field, string problem)
        {
            failures++;
            fail(field, problem);
        }

        recipientName = Blank(recipientName);
        email = Blank(email);
        phone = Blank(phone);
        message = Blank(message);
        if (recipientName is null) Fail("recipientName", "recipientName is required.");
        else if (recipientName.Length > MaxRecipientName || HasControl(recipientName))
            Fail("recipientName",
                $"recipientName must be at most {MaxRecipientName} characters, without control characters.");
        if (email is not null && !IsEmail(email)) Fail("email", "email is not a valid email address.");
        if (phone is not null && !Phone().IsMatch(phone))
            Fail("phone", "phone must be an E.164 number: + and 8 to 15 digits.");
        if (message is not null && message.Length > MaxMessage)
            Fail("message", $"message must be at most {MaxMessage} characters.");
        DeliveryChannel? parsed = Blank(channel) switch
        {
            "email" => DeliveryChannel.Email,
            "sms" => DeliveryChannel.Sms,
            _ => null,
        };
        if (parsed is null) Fail("channel", "channel must be email or sms.");
        else if (parsed == DeliveryChannel.Email && email is null)
            Fail("email", "email is required when channel is email.");
        else if (parsed == DeliveryChannel.Sms && phone is null)
            Fail("phone", "phone is required when channel is sms.");
        if (failures > 0 || amount is null) return null;
        return new OrderLine(number, recipientName!, email, phone, parsed!.Value, amount.Value, message);
    }

    public static bool IsEmail(string value)
    {
        if (value.Length > MaxEmail || !Email().IsMatch(value)) return false;
        var local = value[..value.IndexOf('@')];
        return local.Length <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool HasControl(string value) => value.Any(char.IsControl);

    // A dot-atom local part and a domain of at least two labels: what mail systems deliver to, not all of RFC 5322.
    [GeneratedRegex(
        @"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?" +
        @"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
