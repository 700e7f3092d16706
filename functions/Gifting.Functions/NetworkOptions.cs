using System.ComponentModel.DataAnnotations;

namespace Gifting.Functions;

/// <summary>How the handler finds the client's address behind the proxies in front of it.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// How many proxies in front of the handler each append the address they were reached from to
    /// <c>X-Forwarded-For</c>. In Azure that is one: the Functions host replaces the header with the address the
    /// App Service front end was reached from.
    /// </summary>
    [Range(1, 10)]
    public int TrustedForwardHops { get; set; } = 1;
}
