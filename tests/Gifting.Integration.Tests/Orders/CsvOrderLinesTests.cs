using System.Text;
using Gifting.Functions.Orders;
using Gifting.Core.Orders;
using static Gifting.Integration.Tests.Orders.OrderBodies;

namespace Gifting.Integration.Tests.Orders;

/// <summary>The CSV reader against what spreadsheets and hand edits produce. No database: the reader is pure.</summary>
public sealed class CsvOrderLinesTests
{
    [Fact]
    public async Task Read_OfGoodLines_NumbersThemByTheirLineInTheFile()
    {
        var read = await ReadCsvAsync(Csv(3));

        Assert.Empty(read.Errors);
        Assert.Equal([2, 3, 4], read.Lines.Select(l => l.Number));
        var first = read.Lines[0];
        Assert.Equal(("Recipient 1", "r1@example.com", null, DeliveryChannel.Email, Amount(25_00, "USD")),
            (first.RecipientName, first.Email, first.Phone, first.Channel, first.Amount));
        Assert.Equal("Thank you", first.Message);
    }

    [Fact]
    public async Task Read_OfAQuotedComma_KeepsItInTheField()
    {
        var read = await ReadCsvAsync($"{Header}\n\"Doe, Jane\",jane@example.com,,email,10.00,USD,\"Thanks, team\"\n");

        Assert.Equal(("Doe, Jane", "Thanks, team"), (read.Lines[0].RecipientName, read.Lines[0].Message));
    }

    [Fact]
    public async Task Read_OfANewlineInQuotes_KeepsItAndNumbersLaterLinesByTheFile()
    {
        var read = await ReadCsvAsync(
            $"{Header}\nJane,jane@example.com,,email,10.00,USD,\"Happy\nholidays\"\n{GoodCsvLine(2)}\n"
            + "Bob,bad,,email,1,USD,\n");

        Assert.Equal("Happy\nholidays", read.Lines[0].Message);
        Assert.Equal([2, 4], read.Lines.Select(l => l.Number));
        Assert.Equal(new LineError(5, "email", "email is not a valid email address."), Assert.Single(read.Errors));
    }

    [Fact]
    public async Task Read_WithAUtf8ByteOrderMark_ReadsTheHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(2))).ToArray();

        var read = await Reader.ReadAsync(new MemoryStream(bytes), "text/csv; charset=utf-8", CancellationToken.None);

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Lines.Count);
    }

    [Fact]
    public async Task Read_WithCrlfAndABlankLastLine_ReadsEveryLineOnce()
    {
        var read = await ReadCsvAsync(Csv(3, "\r\n") + "\r\n");

        Assert.Empty(read.Errors);
        Assert.Equal(3, read.LineCount);
        Assert.Equal([2, 3, 4], read.Lines.Select(l => l.Number));
        Assert.Equal("Thank you", read.Lines[2].Message);
    }

    [Fact]
    public async Task Read_OfNonAsciiNames_KeepsThem()
    {
        var read = await ReadCsvAsync($"{Header}\n山田 太郎,taro@example.jp,,email,3000,JPY,おめでとう\n");

        Assert.Equal(("山田 太郎", "おめでとう"), (read.Lines[0].RecipientName, read.Lines[0].Message));
    }

    [Theory]
    [InlineData("recipientName,email,phone,channel,amount,message", "currency", "The header has no currency column.")]
    [InlineData("recipientName,email,phone,channel,amount,currency,message,notes", "notes",
        "notes is not a column of an order; the header is recipientName,email,phone,channel,amount,currency,message.")]
    [InlineData("recipientName,email,email,phone,channel,amount,currency,message", "email", "email is a column twice.")]
    public async Task Read_WithAWrongHeader_ReportsLineOneAndReadsNoLines(string header, string field, string message)
    {
        var read = await ReadCsvAsync($"{header}\n{GoodCsvLine(1)}\n");

        Assert.Contains(new LineError(1, field, message), read.Errors);
        Assert.Empty(read.Lines);
    }

    [Fact]
    public async Task Read_OfAHeaderInAnotherOrderAndCase_MapsColumnsByName()
    {
        var read = await ReadCsvAsync(
            "Currency,Amount,Channel,Phone,Email,RecipientName,Message\nUSD,5,sms,+14155550123,,Ann,\n");

        Assert.Empty(read.Errors);
        Assert.Equal((DeliveryChannel.Sms, "+14155550123", Amount(5_00, "USD")),
            (read.Lines[0].Channel, read.Lines[0].Phone, read.Lines[0].Amount));
    }

    [Fact]
    public async Task Read_OfARecordWithTooFewFields_ReportsIt()
    {
        var read = await ReadCsvAsync($"{Header}\nJane,jane@example.com,,email,10.00\n");

        Assert.Equal(new LineError(2, "record", "The record has 5 fields; the header has 7."),
            Assert.Single(read.Errors));
    }

    [Fact]
    public async Task Read_OfABadLine9999_ReportsItByItsNumber()
    {
        var lines = Enumerable.Range(1, 10_000).Select(i => i == 9_998 ? "Bad,,,email,25.00,USD," : GoodCsvLine(i));

        var read = await ReadCsvAsync(string.Join('\n', lines.Prepend(Header)));

        Assert.Equal(new LineError(9_999, "email", "email is required when channel is email."),
            Assert.Single(read.Errors));
        Assert.Equal((10_000, 9_999, false), (read.LineCount, read.Lines.Count, read.TooMany));
    }

    [Fact]
    public async Task Read_Of10000Lines_AcceptsThemAll()
    {
        var read = await ReadCsvAsync(Csv(10_000));

        Assert.Equal((10_000, 10_000, false), (read.LineCount, read.Lines.Count, read.TooMany));
        Assert.Equal(10_001, read.Lines[^1].Number);
    }

    [Fact]
    public async Task Read_Of10001Lines_StopsAsTooManyWithoutReadingTheRest()
    {
        // 10,001 lines, then far more than any read-ahead buffer; reading any of it would throw.
        var content = Encoding.UTF8.GetBytes(
            Csv(10_001) + string.Concat(Enumerable.Repeat(GoodCsvLine(0) + "\n", 20_000)));
        var cut = Encoding.UTF8.GetByteCount(Csv(10_001));
        var body = new BodyWithForbiddenTail(content.AsSpan(0, cut + 512 * 1024).ToArray());

        var read = await Reader.ReadAsync(body, "text/csv", CancellationToken.None);

        Assert.True(read.TooMany);
        Assert.Equal(10_000, read.LineCount);
        Assert.True(body.BytesRead < cut + 512 * 1024, $"read {body.BytesRead} bytes");
    }

    [Fact]
    public async Task Read_OfManyBadLines_KeepsTheFirst100ErrorsAndCountsThemAll()
    {
        var read = await ReadCsvAsync(string.Join('\n',
            Enumerable.Range(1, 300).Select(i => $"R{i},not-an-email,,email,1.00,USD,").Prepend(Header)));

        Assert.Equal(100, read.Errors.Count);
        Assert.Equal(300, read.ErrorCount);
        Assert.Equal(300, read.LineCount);
        Assert.Equal(Enumerable.Range(2, 100), read.Errors.Select(e => e.Line));
    }

    [Theory]
    [InlineData("25.5.0", "USD", "amount", "The amount must be a number in major units, such as 25.00.")]
    [InlineData("25.505", "USD", "amount", "USD has at most 2 decimals.")]
    [InlineData("25,00", "USD", "record", "The record has 8 fields; the header has 7.")]
    [InlineData("1e3", "USD", "amount", "The amount must be a number in major units, such as 25.00.")]
    [InlineData("25.", "USD", "amount", "The amount must be a number in major units, such as 25.00.")]
    [InlineData("", "USD", "amount", "amount is required.")]
    [InlineData("3000.5", "JPY", "amount", "JPY has no decimals.")]
    [InlineData("3000.0", "JPY", "amount", "JPY has no decimals.")]
    [InlineData("1000000000000000", "USD", "amount", "The amount is too large.")]
    [InlineData("25.00", "usd", "currency", "currency must be the ISO 4217 code of a currency this service serves.")]
    [InlineData("25.00", "CHF", "currency", "currency must be the ISO 4217 code of a currency this service serves.")]
    public async Task Read_OfAMalformedAmount_ReportsIt(string amount, string currency, string field, string message)
    {
        var read = await ReadCsvAsync($"{Header}\nAnn,ann@example.com,,email,{amount},{currency},\n");

        Assert.Equal(new LineError(2, field, message), Assert.Single(read.Errors));
    }

    [Theory]
    [InlineData("25", "USD", 25_00)]
    [InlineData("25.5", "USD", 25_50)]
    [InlineData("0.01", "USD", 1)]
    [InlineData("3000", "JPY", 3_000)]
    [InlineData("-5.00", "USD", -5_00)]
    [InlineData("0", "USD", 0)]
    public async Task Read_OfAnAmountInMajorUnits_GivesMinorUnitsOfItsCurrency(
        string amount, string currency, long minor)
    {
        var read = await ReadCsvAsync($"{Header}\nAnn,ann@example.com,,email,{amount},{currency},\n");

        Assert.Equal(Amount(minor, currency), Assert.Single(read.Lines).Amount);
    }

    [Theory]
    [InlineData(",ann@example.com,,email", "recipientName", "recipientName is required.")]
    [InlineData("Ann,ann@@example.com,,email", "email", "email is not a valid email address.")]
    [InlineData("Ann,ann@localhost,,email", "email", "email is not a valid email address.")]
    [InlineData("Ann,ann.@example.com,,email", "email", "email is not a valid email address.")]
    [InlineData("Ann,,14155550123,sms", "phone", "phone must be an E.164 number: + and 8 to 15 digits.")]
    [InlineData("Ann,,+1415555,sms", "phone", "phone must be an E.164 number: + and 8 to 15 digits.")]
    [InlineData("Ann,,+1234567890123456,sms", "phone", "phone must be an E.164 number: + and 8 to 15 digits.")]
    [InlineData("Ann,,+1 415 555 0123,sms", "phone", "phone must be an E.164 number: + and 8 to 15 digits.")]
    [InlineData("Ann,ann@example.com,,post", "channel", "channel must be email or sms.")]
    [InlineData("Ann,ann@example.com,,", "channel", "channel must be email or sms.")]
    [InlineData("Ann,,+14155550123,email", "email", "email is required when channel is email.")]
    [InlineData("Ann,ann@example.com,,sms", "phone", "phone is required when channel is sms.")]
    public async Task Read_OfABadField_ReportsItsLineAndField(string start, string field, string message)
    {
        var read = await ReadCsvAsync($"{Header}\n{GoodCsvLine(1)}\n{start},5.00,USD,\n");

        Assert.Equal(new LineError(3, field, message), Assert.Single(read.Errors));
    }

    [Fact]
    public async Task Read_OfFieldsOverTheirLengths_ReportsEach()
    {
        var name = new string('n', 201);
        var message = new string('m', 1_001);

        var read = await ReadCsvAsync($"{Header}\n{name},ann@example.com,,email,5.00,USD,{message}\n");

        Assert.Equal(["recipientName", "message"], read.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Read_OfBothContacts_KeepsBoth()
    {
        var read = await ReadCsvAsync($"{Header}\nAnn,ann@example.com,+14155550123,sms,5.00,USD,\n");

        Assert.Equal(("ann@example.com", "+14155550123"), (read.Lines[0].Email, read.Lines[0].Phone));
    }

    [Fact]
    public async Task Read_OfAStrayQuote_ReportsThatRecordAndReadsOn()
    {
        var read = await ReadCsvAsync($"{Header}\n\"Ann\"x,ann@example.com,,email,5.00,USD,\n{GoodCsvLine(2)}\n");

        Assert.Equal(new LineError(2, "record", "The record's quotes are malformed."), Assert.Single(read.Errors));
        Assert.Equal((2, 3), (read.LineCount, Assert.Single(read.Lines).Number));
    }

    [Fact]
    public async Task Read_OfAQuoteNeverClosed_StopsWithoutBufferingTheRest()
    {
        var read = await ReadCsvAsync($"{Header}\n{GoodCsvLine(1)}\n\"Ann,ann@example.com,,email,5.00,USD,\n"
            + string.Concat(Enumerable.Repeat(GoodCsvLine(0) + "\n", 5_000)));

        Assert.Equal(new LineError(3, "record", "The record is too long, or a quote in it is never closed."),
            Assert.Single(read.Errors));
    }
}
