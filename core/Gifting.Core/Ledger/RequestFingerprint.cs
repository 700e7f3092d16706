using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Ledger;

/// <summary>
/// Names a request apart from the id that makes it once, so a repeat under the same id can be told from another
/// request sent under it, however long after the first.
/// </summary>
internal static class RequestFingerprint
{
    public static string Of(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
