using System.Net;
using System.Text;
using Gifting.Infra.Communication;

namespace Gifting.Integration.Tests.Communication;

/// <summary>The fake refuses what ACS refuses; otherwise the client tests would prove nothing about signing.</summary>
public sealed class FakeAcsTests : IAsyncLifetime
{
    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task Fake_WhenTheBodyChangesAfterSigning_RefusesWith401()
    {
        using var signer = new AcsHmacSigningHandler(Convert.FromBase64String(_acs.AccessKey), TimeProvider.System)
        {
            InnerHandler = new SwapBody { InnerHandler = new SocketsHttpHandler() },
        };
        using var http = new HttpClient(signer);
        using var body = new StringContent("""{"from":"+18005550100"}""", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(_acs.Endpoint, "/sms?api-version=2021-03-07"), body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("x-ms-content-sha256 does not match the body", Assert.Single(_acs.Received).Problem);
    }

    private sealed class SwapBody : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new StringContent("""{"from":"+18005550199"}""", Encoding.UTF8, "application/json");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
