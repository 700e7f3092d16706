namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// The innermost handler of the ACS email and SMS clients: each call to ACS is a boundary of
/// <see cref="CrashSeams"/>. Dying after it is the case that matters: the email or SMS went out and the answer
/// was lost.
/// </summary>
public sealed class CrashingAcsHandler(CrashSeams seams) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        seams.ThrowIfDead();
        return seams.PassAsync($"acs {request.Method} {request.RequestUri?.AbsolutePath}",
            () => base.SendAsync(request, cancellationToken));
    }
}
