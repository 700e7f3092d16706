using Gifting.Functions.Responses;

namespace Gifting.Integration.Tests.Operators;

/// <summary>
/// A rejected body shown to operators loses anything that could be a code or a token, by name and by shape.
/// </summary>
public sealed class RedactedBodyTests
{
    [Theory]
    [InlineData("""{"code":"whatever"}""", "whatever")]
    [InlineData("""{"Claim-Code":"abc"}""", "abc")]
    [InlineData("""{"lines":[{"linkToken":{"v":"inner"}}]}""", "inner")]
    [InlineData("""{"note":"k7qm 2xwp9r t4vhd"}""", "k7qm 2xwp9r t4vhd")]
    [InlineData("""{"note":["K7QM2XWP9RT4VHD"]}""", "K7QM2XWP9RT4VHD")]
    [InlineData("""{"url":"https://a.example/redeem?t=Zq3_x8-Lm0PaVb7RtYc2Wd"}""", "Zq3_x8-Lm0PaVb7RtYc2Wd")]
    [InlineData("""{"deep":{"deeper":"see Zq3_x8-Lm0PaVb7RtYc2Wd"}}""", "Zq3_x8-Lm0PaVb7RtYc2Wd")]
    [InlineData("not json: K7QM-2XWP9R-T4VHD", "K7QM-2XWP9R-T4VHD")]
    [InlineData("{\"refundId\": \"K7QM-2XWP9R-T4VHD\"", "K7QM-2XWP9R-T4VHD")]
    public void Of_RemovesWhatCouldBeACodeOrAToken(string body, string secret)
    {
        var shown = RedactedBody.Of(body);

        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(RedactedBody.Mask, shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","orderId":"o-2","code":"whatever"}""", "whatever")]
    [InlineData("""{"refundId":"\ud800","token":"whatever"}""", "whatever")]
    [InlineData("""{"id":"\udfff\ud800","note":"K7QM-2XWP9R-T4VHD"}""", "K7QM-2XWP9R-T4VHD")]
    public void Of_ABodyWithDuplicateMembersOrALoneSurrogate_IsRedactedAsTextWithoutThrowing(
        string body, string secret)
    {
        var shown = RedactedBody.Of(body);

        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(RedactedBody.Mask, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_KeepsTheIdsAndAmountsOperatorsNeed()
    {
        var body = """{"refundId":"refund-0f3c9a1e2b7d4c5a8e6f1a2b3c4d5e6f","accountId":"shopper-1","""
            + "\"amount\":{\"amount\":500,\"currency\":\"USD\"},\"origin\":null}";

        Assert.Equal(body, RedactedBody.Of(body));
    }
}
