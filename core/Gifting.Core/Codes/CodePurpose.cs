namespace Gifting.Core.Codes;

/// <summary>What a keyed hash is of, so a claim code and a link token never share a hash.</summary>
public static class CodePurpose
{
    public const string ClaimCode = "code";
    public const string LinkToken = "link";
}
