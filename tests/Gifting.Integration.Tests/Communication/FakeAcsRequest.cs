using System.Text.Json;

namespace Gifting.Integration.Tests.Communication;

/// <summary>
/// A request as <see cref="FakeAcs"/> received it. <see cref="Problem"/> is why it was refused (a bad signature, a
/// body not of the documented shape); null when it was accepted.
/// </summary>
public sealed record FakeAcsRequest(
    string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body, string? Problem)
{
    public bool Accepted => Problem is null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
