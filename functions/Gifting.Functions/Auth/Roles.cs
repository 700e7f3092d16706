namespace Gifting.Functions.Auth;

public static class Roles
{
    public const string Customer = "customer";
    public const string Corporate = "corporate";
    public const string Issuer = "issuer";
    public const string Retailer = "retailer";
    public const string Checkout = "checkout";
    public const string Promotions = "promotions";
    public const string Support = "support";
    public const string Admin = "admin";
    public const string Finance = "finance";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(
            [Customer, Corporate, Issuer, Retailer, Checkout, Promotions, Support, Admin, Finance],
            StringComparer.Ordinal);
}
