namespace Gifting.Integration.Tests.Triggers;

/// <summary>An invocation that carries no message body is rejected and completed, not failed and redelivered.</summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundWithoutBodyTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ProcessRefund_WhenDataHasNoMessage_RecordsARejectionAndCompletes()
    {
        const string payload = """{"Data":{},"Metadata":{"MessageId":"\"no-body-message\"","DeliveryCount":"1"}}""";

        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund", payload);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains((await response.JsonAsync()).GetProperty("Logs").EnumerateArray(),
            l => l.GetString()!.StartsWith("Rejected", StringComparison.Ordinal));
    }
}
