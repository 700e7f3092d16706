using Gifting.Core;
using Gifting.Functions.Auth;

namespace Gifting.Functions.Http;

/// <summary>
/// The corporate buyer behind a request: its org is always the token's <c>org</c> claim, never a route or body value,
/// so no org can name another's funding or orders.
/// </summary>
public sealed record OrgCaller(OrgId Org, Marketplace Marketplace)
{
    public static OrgCaller? From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!OrgId.TryParse(context.User.OrgClaim(), out var org)) return null;
        if (!Marketplace.TryParse(context.User.MarketplaceCode(), out var marketplace)) return null;
        return new OrgCaller(org, marketplace);
    }

    public static IResult Unusable { get; } = Problems.Of(403, ProblemCodes.Forbidden, "This token names no org.",
        "A corporate token must carry an org claim (1-128 printable characters) and a marketplace this service "
        + "serves.");
}
