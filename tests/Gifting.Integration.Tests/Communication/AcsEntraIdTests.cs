using Azure.Core;
using Gifting.Core.Delivery;
using Gifting.Infra.Communication;
using Moq;

namespace Gifting.Integration.Tests.Communication;

/// <summary>
/// With only an endpoint configured, requests carry an Entra ID token of the app's identity. There is no identity
/// endpoint here, so the credential is a mock; what is under test is the scope asked for and how often.
/// </summary>
public sealed class AcsEntraIdTests : IAsyncLifetime
{
    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync(bearerToken: "token-1");

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task Send_WithoutAnAccessKey_CarriesOneManagedIdentityTokenForTheAcsScope()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1)));
        using var clients = new AcsClients(
            AcsClients.Settings(new() { ["Communication:Endpoint"] = _acs.Endpoint.ToString() }),
            services => services.AddKeyedSingleton(AcsServices.CredentialKey, credential.Object));
        var email = new EmailMessage("ann@example.com", "Ann", "Hello", "<p>Hi</p>", "Hi");

        var first = await clients.Email.SendAsync(email, "d-1", DateTimeOffset.UtcNow, CancellationToken.None);
        var second = await clients.Sms.SendAsync(
            new SmsMessage("+447700900123", "Hi"), "d-2", DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, first.Outcome);
        Assert.Equal(SendOutcome.Sent, second.Outcome);
        Assert.All(_acs.Received, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { AcsTokenSource.Scope })),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("https://communication.azure.com//.default", AcsTokenSource.Scope);
    }
}
