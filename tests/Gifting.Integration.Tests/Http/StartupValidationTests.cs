using Microsoft.Extensions.Options;

namespace Gifting.Integration.Tests.Http;

/// <summary>Settings that would silently switch a safety rule off stop the app at start-up instead.</summary>
[Collection(CosmosCollection.Name)]
public sealed class StartupValidationTests(CosmosFixture cosmos)
{
    [Theory]
    [InlineData("usd", "100")]
    [InlineData("XYZ", "100")]
    [InlineData("USD", "0")]
    [InlineData("USD", "-5")]
    public async Task FraudThreshold_WhenCurrencyOrAmountIsWrong_RefusesToStart(string currency, string threshold)
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { [$"Redemption:ReviewThresholds:{currency}"] = threshold });

        var error = await app.RefusalToStartAsync<OptionsValidationException>();

        Assert.Contains($"Redemption:ReviewThresholds:{currency}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FraudThreshold_WhenWellFormed_Starts()
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Redemption:ReviewThresholds:EUR"] = "50000" });

        using var client = app.CreateClient();

        Assert.NotNull(client);
    }
}
