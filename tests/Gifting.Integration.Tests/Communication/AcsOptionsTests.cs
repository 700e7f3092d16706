using Gifting.Infra.Communication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gifting.Integration.Tests.Communication;

/// <summary>The ACS settings are checked when the app starts, in messages that never repeat the access key.</summary>
public sealed class AcsOptionsTests
{
    private const string Key = "c2VjcmV0LWtleS0xMjM0NTY3ODkwYWJjZGVm";

    [Fact]
    public async Task Start_WithoutEndpointOrConnectionString_RefusesNamingBoth()
    {
        var error = await StartAsync([]);

        Assert.Contains("Communication:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Communication:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"endpoint=https://gifts.communication.azure.com/", "no accesskey=")]
    [InlineData($"accesskey={Key}", "no endpoint=")]
    [InlineData($"endpoint=http://gifts.communication.azure.com/;accesskey={Key}", "must use https")]
    [InlineData($"endpoint=https://gifts.communication.azure.com/sms;accesskey={Key}", "no path or query")]
    [InlineData($"endpoint=https://gifts.communication.azure.com/;accesskey={Key}!!", "not base64")]
    [InlineData($"{Key}", "name=value")]
    public async Task Start_WithAMalformedConnectionString_RefusesWithoutRepeatingTheKey(
        string connectionString, string reason)
    {
        var error = await StartAsync(new() { ["Communication:ConnectionString"] = connectionString });

        Assert.Contains("Communication:ConnectionString is malformed", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Communication:Endpoint", "gifts.communication.azure.com")]
    [InlineData("Communication:ManagedIdentityClientId", "not-a-guid")]
    [InlineData("Communication:EmailSender", "not an address")]
    [InlineData("Communication:SmsFrom", "0800 555 0100")]
    [InlineData("Communication:RequestTimeout", "00:05:00")]
    public async Task Start_WithAnInvalidSetting_RefusesNamingIt(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["Communication:Endpoint"] = "https://gifts.example/" };
        settings[key] = value;

        var error = await StartAsync(settings);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAValidConnectionString_Starts()
    {
        using var host = Host(new()
        {
            ["Communication:ConnectionString"] = $"Endpoint=https://gifts.communication.azure.com/;AccessKey={Key}",
        });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<AcsOptions>>().Value;
        Assert.Equal(new Uri("https://gifts.communication.azure.com/"), options.ResolvedEndpoint());
        await host.StopAsync();
    }

    private static async Task<OptionsValidationException> StartAsync(Dictionary<string, string?> settings)
    {
        using var host = Host(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(AcsClients.Settings(settings));
        builder.Services.AddAcsDelivery(builder.Configuration);
        return builder.Build();
    }
}
