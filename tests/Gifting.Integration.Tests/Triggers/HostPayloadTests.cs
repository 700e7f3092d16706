using System.Text.Json;
using Gifting.Functions.Triggers;

namespace Gifting.Integration.Tests.Triggers;

/// <summary>
/// <see cref="HostPayload.MessageBody"/> against the payload examples of shared/reference/functions-custom-handler.md,
/// copied verbatim where the reference has a capture.
/// </summary>
public sealed class HostPayloadTests
{
    [Fact]
    public void MessageBody_OfThe2020ServiceBusCapture_IsTheJsonObject()
    {
        // Section 1a(a), "Real 2020 capture" from anthonychu/functions-dotnet5-custom-handler/src/Handler/test.http.
        var payload = Parse("""
            {"Data":{"myQueueItem":"\"{\\\"hello\\\":\\\"world\\\"}\""},
             "Metadata":{"DeliveryCount":"1","MessageId":"\"088fb2b9aede42e7a154dbc7f803a566\"","hello":"\"world\""}}
            """);

        Assert.Equal("world", payload.MessageBody("myQueueItem").GetProperty("hello").GetString());
        Assert.Equal("088fb2b9aede42e7a154dbc7f803a566", payload.MetadataString("MessageId"));
    }

    [Fact]
    public void MessageBody_OfTheBundleV4Example_IsTheJsonObject()
    {
        // Section 1a(a), "Expected request (bundle v4)": the body {"orderId":42} with the default string binding.
        var payload = Parse("""
            {"Data":{"msg":"\"{\\\"orderId\\\":42}\""},"Metadata":{"DeliveryCount":"1","orderId":"42"}}
            """);

        Assert.Equal(42, payload.MessageBody("msg").GetProperty("orderId").GetInt32());
    }

    [Fact]
    public void MessageBody_OfABinaryBinding_IsDecodedFromBase64()
    {
        // Section 1.4: a byte[] (dataType "binary") arrives as one base64 string; this is {"orderId":42} in UTF-8.
        var payload = Parse("""{"Data":{"msg":"eyJvcmRlcklkIjo0Mn0="},"Metadata":{}}""");

        Assert.Equal(42, payload.MessageBody("msg").GetProperty("orderId").GetInt32());
    }

    [Fact]
    public void MessageBody_OfAnObjectValue_IsThatObject()
    {
        // Section 1.4: object-typed values are sent as real JSON objects (JObject.FromObject).
        var payload = Parse("""{"Data":{"msg":{"orderId":42}},"Metadata":{}}""");

        Assert.Equal(42, payload.MessageBody("msg").GetProperty("orderId").GetInt32());
    }

    [Theory]
    [InlineData("\"not json\"", "not json")]
    [InlineData("\"test\"", "test")]
    [InlineData("\"\\\"hello\\\"\"", "hello")]
    public void MessageBody_ThatIsTextButNotJson_StaysText(string value, string text)
    {
        // "test" is valid base64 but its bytes are not UTF-8 JSON, so it is left as the text it is.
        var payload = Parse("{\"Data\":{\"msg\":" + value + "}}");

        Assert.Equal(text, payload.MessageBody("msg").GetString());
    }

    private static HostPayload Parse(string json) => HostPayload.Parse(JsonDocument.Parse(json).RootElement)!;
}
