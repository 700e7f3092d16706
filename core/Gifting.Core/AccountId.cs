namespace Gifting.Core;

/// <summary>A shopper's account: the <c>sub</c> of their token. Printable ASCII, 1-128 characters.</summary>
public readonly record struct AccountId
{
    private AccountId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out AccountId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value) || value.Length > 128) return false;
        foreach (var c in value)
        {
            // Cosmos ids forbid '/', '\\', '?' and '#'.
            if (c is < '!' or > '~' or '/' or '\\' or '?' or '#') return false;
        }
        id = new AccountId(value);
        return true;
    }

    public static AccountId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new ArgumentException("Invalid account id.", nameof(value));

    public override string ToString() => Value;
}
