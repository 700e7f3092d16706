using Gifting.Functions.Orders;

namespace Gifting.Integration.Tests.Orders;

/// <summary>The order's own fields, from a JSON body or a CSV order's query parameters.</summary>
public sealed class OrderFieldsShapeTests
{
    [Fact]
    public void Check_OfGoodFields_GivesThem()
    {
        var errors = new List<FieldError>();

        var fields = OrderFieldsShape.Check(
            new OrderFieldValues("po-7", "JP", " HR team ", "2027-01-01T09:00:00+09:00"), errors);

        Assert.Empty(errors);
        Assert.Equal(("po-7", "JP", "HR team"), (fields!.ExternalRef, fields.Marketplace.Code, fields.SenderName));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), fields.DeliverAt);
    }

    [Theory]
    [InlineData(null, "US", "HR", null, "externalRef")]
    [InlineData("po-1", "us", "HR", null, "marketplace")]
    [InlineData("po-1", "ZZ", "HR", null, "marketplace")]
    [InlineData("po-1", "US", "", null, "senderName")]
    [InlineData("po-1", "US", "HR\u0007", null, "senderName")]
    [InlineData("po-1", "US", "HR", "2027-01-01", "deliverAt")]
    [InlineData("po-1", "US", "HR", "2027-01-01T09:00:00", "deliverAt")]
    [InlineData("po-1", "US", "HR", "tomorrow", "deliverAt")]
    public void Check_OfABadField_NamesIt(
        string? externalRef, string? marketplace, string? senderName, string? deliverAt, string field)
    {
        var errors = new List<FieldError>();

        var values = new OrderFieldValues(externalRef, marketplace, senderName, deliverAt);

        var fields = OrderFieldsShape.Check(values, errors);

        Assert.Null(fields);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_OfASenderNameOverItsLength_RefusesIt()
    {
        var errors = new List<FieldError>();

        OrderFieldsShape.Check(new OrderFieldValues("po-1", "US", new string('s', 101), null), errors);

        Assert.Equal("senderName is required: at most 100 characters, without control characters.",
            Assert.Single(errors).Message);
    }
}
