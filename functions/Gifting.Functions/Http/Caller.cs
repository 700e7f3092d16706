using Gifting.Core;
using Gifting.Functions.Auth;

namespace Gifting.Functions.Http;

/// <summary>The shopper behind a request: their account is always the token's <c>sub</c>.</summary>
public sealed record Caller(AccountId Account, Marketplace Marketplace, string? ClientAddress)
{
    public static Caller? From(HttpContext context)
    {
        if (!AccountId.TryParse(context.User.Subject(), out var account)) return null;
        if (!Marketplace.TryParse(context.User.MarketplaceCode(), out var marketplace)) return null;
        return new Caller(account, marketplace, context.Connection.RemoteIpAddress?.ToString());
    }

    public static IResult Unusable { get; } = Problems.Of(403, ProblemCodes.Forbidden, "This token cannot act here.",
        "The token's sub or marketplace is not one this service accepts.");
}
