using System.Text;
using Gifting.Core.Messaging;

namespace Gifting.Core.Tests.Messaging;

public sealed class OutgoingMessageTests
{
    [Fact]
    public void Json_CarriesTheBodyAsUtf8()
    {
        var message = OutgoingMessage.Json("order-chunks", "chunk-1", """{"n":"é"}""");

        Assert.Equal("""{"n":"é"}""", Encoding.UTF8.GetString(message.Body.Span));
        Assert.Null(message.ScheduledEnqueueTime);
    }

    [Fact]
    public void MessageId_LongerThanServiceBusAllows_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OutgoingMessage.Json("order-chunks", new string('a', OutgoingMessage.MaxMessageIdLength + 1), "{}"));

        Assert.Equal("messageId", error.ParamName);
    }

    [Theory]
    [InlineData("", "id")]
    [InlineData("order-chunks", " ")]
    public void QueueOrMessageId_WhenBlank_IsRefused(string queue, string messageId) =>
        Assert.ThrowsAny<ArgumentException>(() => OutgoingMessage.Json(queue, messageId, "{}"));
}
