using System.Text.Json;
using Gifting.Core;

namespace Gifting.Functions.Orders;

/// <summary>
/// One element of a JSON order's <c>lines</c>: its members' JSON types, then <see cref="LineShape"/>. A wrong type is
/// an error of that line, so a buyer learns of every bad line at once rather than of the first.
/// </summary>
public static class JsonLineShape
{
    public static void Read(int number, JsonElement element, LineCollector lines)
    {
        // A member of the wrong type is reported once, not again as missing.
        var failed = new HashSet<string>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (failed.Add(field)) lines.Fail(number, field, message);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail("line", "A line must be a JSON object.");
            return;
        }
        var wrongType = false;
        string? Text(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            wrongType = true;
            Fail(name, $"{name} must be a string.");
            return null;
        }
        var recipientName = Text("recipientName");
        var email = Text("email");
        var phone = Text("phone");
        var channel = Text("channel");
        var message = Text("message");
        var amount = Amount(element, Fail);
        var line = LineShape.Check(number, recipientName, email, phone, channel, amount, message, Fail);
        if (line is not null && !wrongType) lines.Add(line);
    }

    private static Money? Amount(JsonElement element, Action<string, string> fail)
    {
        if (!element.TryGetProperty("amount", out var amount) || amount.ValueKind == JsonValueKind.Null)
        {
            fail("amount", "amount is required.");
            return null;
        }
        if (amount.ValueKind != JsonValueKind.Object
            || !amount.TryGetProperty("amount", out var minor) || minor.ValueKind != JsonValueKind.Number
            || !minor.TryGetInt64(out var value))
        {
            fail("amount", "amount must be Money: an integer amount of minor units and a currency.");
            return null;
        }
        if (!amount.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String
            || !Money.IsCurrencyCode(currency.GetString()))
        {
            fail("amount.currency", "amount.currency must be an ISO 4217 code.");
            return null;
        }
        return new Money(value, currency.GetString()!);
    }
}
