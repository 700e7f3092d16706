using System.Net.Http.Headers;

namespace Gifting.Infra.Communication;

/// <summary>Authenticates each request with an Entra ID token of the app's managed identity.</summary>
public sealed class AcsBearerHandler(AcsTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
