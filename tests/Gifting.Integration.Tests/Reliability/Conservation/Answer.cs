using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>A response read in full: its status, its JSON body (or none), and whether it was a replay.</summary>
internal sealed record Answer(int Status, JsonElement Body, bool Replayed)
{
    public static async Task<Answer> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text[0] is '{' or '['
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new Answer((int)response.StatusCode, body, response.Headers.Contains("Idempotent-Replayed"));
    }

    public string Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var c)
        ? c.GetString() ?? ""
        : "";

    public long AmountOf(string name) => Body.GetProperty(name).GetProperty("amount").GetInt64();

    /// <summary>The status and problem code, never the body (a body can hold a claim code).</summary>
    public override string ToString() => Code.Length > 0 ? $"{Status} {Code}" : Status.ToString(
        System.Globalization.CultureInfo.InvariantCulture);
}
