using Gifting.Core.Messaging;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// A queue message whose string member is not valid UTF-16 (a lone surrogate, sent as the escape <c>\ud800</c>) can
/// never succeed: it is recorded as rejected and answered 200, never a 500 that Service Bus would redeliver until it
/// dead-letters the message.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LoneSurrogateMessageTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app =
        new(cosmos, s => s.AddSingleton<IMessagePublisher>(new RecordingPublisher()));

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> Messages => new()
    {
        {
            "DeliverGift", """{"deliveryId":"\udfff\ud800","orderId":"0123456789abcdef0123456789abcdef",""" +
            """ "lineId":"00001","channel":"email"}"""
        },
        { "ProcessOrderChunk", """{"orderId":"\ud800","org":"org-1","chunk":0}""" },
        {
            "ProcessRefund", """{"refundId":"\ud800","accountId":"a-1","orderId":"o-1",""" +
            """ "amount":{"amount":1,"currency":"USD"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Trigger_WhenAMemberHoldsALoneSurrogate_RecordsTheRejectionAndAnswers200(
        string function, string body)
    {
        using var response = await _app.CreateClient().InvokeAsync(function, HostPayloads.ServiceBus("message", body,
            messageId: Api.NewId("surrogate")));

        var error = _app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal)) ?? "";
        Assert.True(200 == (int)response.StatusCode,
            $"{(int)response.StatusCode}: {error[..Math.Min(900, error.Length)]}");
        Assert.Contains("Rejected", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
