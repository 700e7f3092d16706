using System.Security.Cryptography;
using Gifting.Core.Codes;
using Microsoft.Extensions.Options;

namespace Gifting.Integration.Tests.Http;

/// <summary>The keys that seal codes for delivery are checked when the app starts, never on first use.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CodeEncryptionStartupTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Startup_WhenAnEncryptionKeyEqualsTheHmacKey_RefusesToStart()
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Codes:EncryptionKeys:0:Key"] = cosmos.CodeKey });

        var error = await app.RefusalToStartAsync<OptionsValidationException>();

        Assert.Contains("Encryption key 1 equals hash key 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cosmos.CodeKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Codes:EncryptionKeys:0:Key", "c2hvcnQ=")]
    [InlineData("Codes:EncryptionKeys:0:Key", "not base64")]
    [InlineData("Codes:EncryptionKeys:0:Version", "0")]
    [InlineData("Codes:CurrentEncryptionKeyVersion", "2")]
    public async Task Startup_WithAMalformedOrMissingKey_RefusesToStart(string setting, string value)
    {
        using var app = new GiftingFactory(cosmos, settings: new Dictionary<string, string> { [setting] = value });

        var error = await app.RefusalToStartAsync<OptionsValidationException>();

        Assert.Contains("Codes:EncryptionKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_AfterRotation_OpensCodesSealedUnderTheOldKey()
    {
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var before = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Codes:EncryptionKeys:0:Key"] = oldKey });
        var code = ClaimCode.Generate();
        var sealedCode = before.Services.GetRequiredService<CodeCipher>().Encrypt(code, "line-1");
        using var after = new GiftingFactory(cosmos, settings: new Dictionary<string, string>
        {
            ["Codes:EncryptionKeys:0:Key"] = oldKey,
            ["Codes:EncryptionKeys:1:Version"] = "2",
            ["Codes:EncryptionKeys:1:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Codes:CurrentEncryptionKeyVersion"] = "2",
        });

        var cipher = after.Services.GetRequiredService<CodeCipher>();

        Assert.Equal(code.Normalized, cipher.Decrypt(sealedCode, "line-1").Normalized);
        Assert.Equal(2, cipher.Encrypt(code, "line-1").KeyVersion);
    }
}
