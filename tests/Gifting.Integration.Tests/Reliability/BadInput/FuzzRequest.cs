namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>A rendered case: the request to send and what the checks need to know about it.</summary>
public sealed record FuzzRequest(
    string Method, string Url, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers,
    bool OddPath, long Limit, bool KeySent)
{
    /// <summary>Over the route's body limit: the contract's answer is 413 <c>payload_too_large</c>.</summary>
    public bool OverLimit => Body is not null && Body.LongLength > Limit;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }
}
