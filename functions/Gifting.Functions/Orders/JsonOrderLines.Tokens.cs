using System.Text.Json;

namespace Gifting.Functions.Orders;

public sealed partial class JsonOrderLines
{
    /// <summary>
    /// Reads as far as the complete tokens of <paramref name="data"/> go, and answers how many bytes it used; the
    /// rest is read again with more data behind it.
    /// </summary>
    private int Consume(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (_step is not (Step.Done or Step.Stopped) && Advance(ref reader))
        {
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>One step; false when the data runs out before it.</summary>
    private bool Advance(ref Utf8JsonReader reader)
    {
        switch (_step)
        {
            case Step.Start:
                if (!reader.Read()) return false;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new JsonException("An order is a JSON object.");
                _step = Step.Member;
                return true;
            case Step.Member:
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _step = Step.Done;
                    return true;
                }
                _property = reader.GetString();
                _step = _property == "lines" ? Step.LinesStart : Step.Value;
                return true;
            case Step.Value:
                return ReadMember(ref reader);
            case Step.LinesStart:
                if (!reader.Read()) return false;
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("lines must be a list.");
                _linesSeen = true;
                _step = Step.Lines;
                return true;
            default:
                return ReadLine(ref reader);
        }
    }

    private bool ReadMember(ref Utf8JsonReader reader)
    {
        var copy = reader;
        if (!copy.Read()) return false;
        if (_property is "externalRef" or "marketplace" or "senderName" or "deliverAt")
        {
            if (copy.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                throw new JsonException($"{_property} must be a string.");
            var value = copy.GetString();
            switch (_property)
            {
                case "externalRef": _externalRef = value; break;
                case "marketplace": _marketplace = value; break;
                case "senderName": _senderName = value; break;
                default: _deliverAt = value; break;
            }
        }
        // Members the contract does not name are passed over, as the other routes' deserializer does.
        else if (copy.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !copy.TrySkip())
        {
            return false;
        }
        reader = copy;
        _step = Step.Member;
        return true;
    }

    private bool ReadLine(ref Utf8JsonReader reader)
    {
        var copy = reader;
        if (!copy.Read()) return false;
        if (copy.TokenType == JsonTokenType.EndArray)
        {
            reader = copy;
            _step = Step.Member;
            return true;
        }
        // The element is parsed only once all of it is in the buffer; until then it is read again with more data.
        if (!JsonDocument.TryParseValue(ref copy, out var document)) return false;
        reader = copy;
        using (document)
        {
            if (!_lines.Admit())
            {
                _step = Step.Stopped;
                return true;
            }
            JsonLineShape.Read(++_index, document.RootElement, _lines);
        }
        return true;
    }
}
