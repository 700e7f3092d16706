using Azure.Core;

namespace Gifting.Infra.Communication;

/// <summary>
/// Entra ID tokens for ACS, kept until five minutes before they expire so a burst of sends asks the identity
/// endpoint once.
/// </summary>
public sealed class AcsTokenSource(TokenCredential credential, TimeProvider time) : IDisposable
{
    /// <summary>The scope the ACS SDKs request, double slash included.</summary>
    public const string Scope = "https://communication.azure.com//.default";

    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
            return token;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
                return again;
            var fetched = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _cached = new Cached(fetched.Token, fetched.ExpiresOn);
            return fetched.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() =>
        _cached is { } c && c.ExpiresOn - time.GetUtcNow() > RefreshBefore ? c.Token : null;

    private sealed record Cached(string Token, DateTimeOffset ExpiresOn);
}
