namespace Gifting.Functions.Auth;

/// <summary>Who may call a route: each policy names the roles it admits.</summary>
public static class Policies
{
    public const string Customer = "customer";

    /// <summary>A corporate buyer's people; the routes also need the token's <c>org</c> (see OrgCaller).</summary>
    public const string Corporate = "corporate";

    public const string Issuer = "issuer";
    public const string Retailer = "retailer";
    public const string Checkout = "checkout";
    public const string Admin = "admin";

    /// <summary>Promotions staff, and admins.</summary>
    public const string Promotions = "promotions-or-admin";

    /// <summary>Support agents, and admins.</summary>
    public const string Support = "support-or-admin";

    /// <summary>Finance staff, and admins.</summary>
    public const string Finance = "finance-or-admin";
}
