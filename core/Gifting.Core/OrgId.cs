namespace Gifting.Core;

/// <summary>
/// A corporate buyer: the <c>org</c> claim of its people's tokens. The same characters as an <see cref="AccountId"/>
/// (printable ASCII, 1-128, none of <c>/ \ ? #</c>), because it keys documents in the same way.
/// </summary>
public readonly record struct OrgId
{
    private OrgId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out OrgId org)
    {
        org = default;
        if (!AccountId.TryParse(value, out _)) return false;
        org = new OrgId(value!);
        return true;
    }

    public static OrgId Parse(string value) =>
        TryParse(value, out var org) ? org : throw new ArgumentException("Invalid org id.", nameof(value));

    public override string ToString() => Value;
}
