using System.Text;
using System.Text.Json;
using Gifting.Core.Orders;
using Gifting.Functions.Orders;
using static Gifting.Integration.Tests.Orders.OrderBodies;

namespace Gifting.Integration.Tests.Orders;

/// <summary>The streaming JSON reader. No database: the reader is pure.</summary>
public sealed class JsonOrderLinesTests
{
    [Fact]
    public async Task Read_OfAnOrder_GivesItsFieldsAndLinesNumberedFromOne()
    {
        var read = await ReadJsonAsync(JsonOrder(Enumerable.Range(1, 3).Select(GoodJsonLine)));

        Assert.Empty(read.Errors);
        Assert.Equal([1, 2, 3], read.Lines.Select(l => l.Number));
        Assert.Equal(Amount(25_00, "USD"), read.Lines[0].Amount);
        Assert.Equal(new OrderFieldValues("po-1", "US", "HR", null), read.Fields);
    }

    [Fact]
    public async Task Read_OfLinesBeforeTheOrderFields_ReadsBoth()
    {
        var read = await ReadJsonAsync($$"""
            {"lines":[{{GoodJsonLine(1)}}],"notes":{"a":[1,2,{"b":null}]},"deliverAt":"2027-01-01T09:00:00Z",
             "marketplace":"JP"}
            """);

        Assert.Single(read.Lines);
        Assert.Equal(("JP", "2027-01-01T09:00:00Z"), (read.Fields!.Marketplace, read.Fields.DeliverAt));
    }

    [Fact]
    public async Task Read_ThroughASmallReadAtATime_ReadsWhatOneReadGives()
    {
        var json = JsonOrder(Enumerable.Range(1, 500).Select(GoodJsonLine).Append("""
            {"recipientName":"Ünïcødé \u00e9 \"quoted\"","phone":"+4930123456","channel":"sms",
             "amount":{"amount":999,"currency":"EUR"},"message":"a\nb"}
            """));

        var read = await Reader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json)), "application/json",
            CancellationToken.None);

        Assert.Empty(read.Errors);
        Assert.Equal(501, read.Lines.Count);
        Assert.Equal(("Ünïcødé é \"quoted\"", "a\nb"), (read.Lines[^1].RecipientName, read.Lines[^1].Message));
    }

    private const string ToA = """ "recipientName":"A","email":"a@example.com","channel":"email" """;
    private const string OneDollar = """ "amount":{"amount":1,"currency":"USD"} """;

    [Theory]
    [InlineData("{" + ToA + ""","amount":{"amount":25.5,"currency":"USD"}}""",
        "amount", "amount must be Money: an integer amount of minor units and a currency.")]
    [InlineData("{" + ToA + ""","amount":"25.00"}""",
        "amount", "amount must be Money: an integer amount of minor units and a currency.")]
    [InlineData("{" + ToA + "}", "amount", "amount is required.")]
    [InlineData("{" + ToA + ""","amount":{"amount":1,"currency":"usd"}}""",
        "amount.currency", "amount.currency must be an ISO 4217 code.")]
    [InlineData("""{"recipientName":7,"email":"a@example.com","channel":"email",""" + OneDollar + "}",
        "recipientName", "recipientName must be a string.")]
    [InlineData("""{"recipientName":"A","phone":"+1415","channel":"sms",""" + OneDollar + "}",
        "phone", "phone must be an E.164 number: + and 8 to 15 digits.")]
    [InlineData("""{"recipientName":"A","phone":"+14155550123","channel":"email",""" + OneDollar + "}",
        "email", "email is required when channel is email.")]
    [InlineData("""{"recipientName":"A","email":"a@example.com","channel":"EMAIL",""" + OneDollar + "}",
        "channel", "channel must be email or sms.")]
    [InlineData("\"just text\"", "line", "A line must be a JSON object.")]
    public async Task Read_OfABadLine_ReportsItByItsPlace(string line, string field, string message)
    {
        var read = await ReadJsonAsync(JsonOrder([GoodJsonLine(1), line, GoodJsonLine(3)]));

        Assert.Equal(new LineError(2, field, message), Assert.Single(read.Errors));
        Assert.Equal([1, 3], read.Lines.Select(l => l.Number));
    }

    [Fact]
    public async Task Read_Of10000Lines_AcceptsThemAll()
    {
        var read = await ReadJsonAsync(JsonOrder(Enumerable.Range(1, 10_000).Select(GoodJsonLine)));

        Assert.Equal((10_000, 10_000, false), (read.LineCount, read.Lines.Count, read.TooMany));
    }

    [Fact]
    public async Task Read_Of10001Lines_StopsAsTooManyWithoutReadingTheRest()
    {
        var lines = Enumerable.Range(1, 10_001).Select(GoodJsonLine).ToList();
        var head = $$"""{"lines":[{{string.Join(',', lines)}},""";
        var content = Encoding.UTF8.GetBytes(head + string.Join(',', Enumerable.Repeat(GoodJsonLine(0), 5_000)));
        var readable = Encoding.UTF8.GetByteCount(head) + 64 * 1024;
        var body = new BodyWithForbiddenTail(content.AsSpan(0, readable).ToArray());

        var read = await Reader.ReadAsync(body, "application/json", CancellationToken.None);

        Assert.True(read.TooMany);
        Assert.Equal(10_000, read.LineCount);
    }

    [Fact]
    public async Task Read_OfManyBadLines_KeepsTheFirst100ErrorsAndCountsThemAll()
    {
        var bad = """{"recipientName":"A","channel":"email","amount":{"amount":1,"currency":"USD"}}""";

        var read = await ReadJsonAsync(JsonOrder(Enumerable.Repeat(bad, 250)));

        Assert.Equal((100, 250, 250), (read.Errors.Count, read.ErrorCount, read.LineCount));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"lines":[""")]
    [InlineData("""{"lines":{}}""")]
    [InlineData("""{"marketplace":"US"}""")]
    [InlineData("""{"marketplace":1,"lines":[]}""")]
    [InlineData("""{"lines":[{"recipientName":"A",}]}""")]
    [InlineData("not json")]
    public async Task Read_OfABodyThatIsNoOrder_IsAJsonError(string json) =>
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadJsonAsync(json));

    [Fact]
    public async Task Read_OfALineTooLargeToBeOne_IsAJsonError()
    {
        var huge = $$"""{"recipientName":"{{new string('a', 300_000)}}"}""";

        await Assert.ThrowsAnyAsync<JsonException>(() => ReadJsonAsync(JsonOrder([huge])));
    }

    [Fact]
    public async Task Read_OfJapaneseYen_KeepsTheAmountAsMinorUnits()
    {
        var read = await ReadJsonAsync(JsonOrder(["""
            {"recipientName":"太郎","email":"taro@example.jp","channel":"email",
             "amount":{"amount":3000,"currency":"JPY"}}
            """]));

        Assert.Equal(Amount(3_000, "JPY"), Assert.Single(read.Lines).Amount);
    }

    /// <summary>Hands out at most 7 bytes a read, so tokens and lines straddle every boundary.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(7, buffer.Length)], cancellationToken);
    }
}
