using System.Text.Json;
using System.Text.Json.Serialization;
using Gifting.Core;

namespace Gifting.Infra.Json;

/// <summary>Money as <c>{"amount": minor units, "currency": "ISO 4217"}</c>, checked as it is read.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Money must be an object.");
        long? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value):
                    amount = value;
                    break;
                case "amount":
                    throw new JsonException("amount must be an integer number of minor units.");
                case "currency" when reader.TokenType == JsonTokenType.String:
                    currency = reader.GetString();
                    break;
                case "currency":
                    throw new JsonException("currency must be a string.");
                default:
                    reader.Skip();
                    break;
            }
        }
        if (amount is null || !Money.IsCurrencyCode(currency))
            throw new JsonException("Money needs an integer amount and an ISO 4217 currency.");
        return new Money(amount.Value, currency!);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}
