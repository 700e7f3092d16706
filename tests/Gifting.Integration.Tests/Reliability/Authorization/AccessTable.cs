using Gifting.Functions.Auth;

namespace Gifting.Integration.Tests.Reliability.Authorization;

/// <summary>What a route's object is, so the matrix knows what "own", "another's" and "missing" mean there.</summary>
public enum Scope
{
    /// <summary>No object: anyone may call it.</summary>
    Public,

    /// <summary>The caller's own data (the token's <c>sub</c> or <c>org</c>); "another's" is another caller.</summary>
    Caller,

    /// <summary>A claim code in the body.</summary>
    Code,

    Card,
    Account,
    Entry,
    Order,
    Line,
    Org,
    Rejected,
    Asset,
}

/// <summary>
/// One row of the contract's table of who may do what: the roles that may call the route, and the status each of
/// them gets for its own object, another account's or org's object, and a missing one. Every other role gets 401
/// (no token, or a malformed one) or 403/404, and its answer names none of the objects.
/// </summary>
public sealed record Access(
    string Method, string Path, Scope Scope, IReadOnlyList<string> Roles, int Own, int Other, int Missing)
{
    public const string Anyone = "*";

    public string Name => $"{Method} {Path}";

    public bool Admits(string role) => Roles.Contains(Anyone) || Roles.Contains(role);
}

/// <summary>The contract's table (docs/api-contract.md), one line per route, in the contract's order.</summary>
public static class AccessTable
{
    private const string C = Roles.Customer, I = Roles.Issuer, R = Roles.Retailer, S = Roles.Support,
        A = Roles.Admin, K = Roles.Checkout, P = Roles.Promotions, F = Roles.Finance, O = Roles.Corporate;

    private static readonly string[] Anyone = [Access.Anyone];

    public static readonly IReadOnlyList<Access> Rows =
    [
        // Shoppers. A link token that names nothing is invalid_code: no one-click link is seeded here.
        new("POST", "/api/redemptions", Scope.Code, [C], 200, 409, 400),
        new("POST", "/api/link-previews", Scope.Caller, [C], 400, 400, 400),
        new("GET", "/api/balance", Scope.Caller, [C], 200, 200, 200),
        new("GET", "/api/balance/activity", Scope.Caller, [C], 200, 200, 200),
        new("GET", "/api/balance/preferences", Scope.Caller, [C], 200, 200, 200),
        new("PUT", "/api/balance/preferences", Scope.Caller, [C], 200, 200, 200),
        // Cards. Another retailer named in the activation body is 403.
        new("POST", "/api/cards", Scope.Caller, [I], 201, 201, 201),
        new("GET", "/api/cards/{serial}", Scope.Card, [S, A], 200, 200, 404),
        new("GET", "/api/cards/{serial}/history", Scope.Card, [S, A], 200, 200, 404),
        new("POST", "/api/cards/{serial}/activation", Scope.Card, [R], 200, 403, 404),
        new("POST", "/api/cards/{serial}/cancellation", Scope.Card, [A], 200, 200, 404),
        new("POST", "/api/cards/{serial}/review", Scope.Card, [S, A], 200, 200, 404),
        // Checkout and promotional credit: a service acts on any account; a missing one has nothing to debit.
        new("POST", "/api/accounts/{accountId}/debits", Scope.Account, [K], 201, 201, 422),
        new("POST", "/api/accounts/{accountId}/promotional-credits", Scope.Account, [P, A], 201, 201, 201),
        // Operators: an account never credited reads as empty (docs/design.md section 26).
        new("GET", "/api/reviews", Scope.Caller, [S, A], 200, 200, 200),
        new("POST", "/api/cards/{serial}/freeze", Scope.Card, [S, A], 200, 200, 404),
        new("POST", "/api/cards/{serial}/unfreeze", Scope.Card, [S, A], 200, 200, 404),
        new("POST", "/api/accounts/{accountId}/freeze", Scope.Account, [S, A], 200, 200, 200),
        new("POST", "/api/accounts/{accountId}/unfreeze", Scope.Account, [S, A], 200, 200, 200),
        new("GET", "/api/accounts/{accountId}/balance", Scope.Account, [S, A], 200, 200, 200),
        new("GET", "/api/accounts/{accountId}/activity", Scope.Account, [S, A], 200, 200, 200),
        new("POST", "/api/accounts/{accountId}/adjustments", Scope.Account, [A], 201, 201, 201),
        new("POST", "/api/accounts/{accountId}/entries/{entryId}/reversal", Scope.Entry, [A], 201, 201, 404),
        new("POST", "/api/accounts/{accountId}/reloads", Scope.Account, [K], 201, 201, 201),
        new("GET", "/api/operations/rejected-messages", Scope.Caller, [S, A], 200, 200, 200),
        new("POST", "/api/operations/rejected-messages/{id}/replay", Scope.Rejected, [A], 202, 202, 404),
        new("GET", "/api/reports/liability", Scope.Caller, [F, A], 200, 200, 200),
        // Corporate orders, scoped to the token's org: another org's order is 404, as a missing one is. The org
        // with nothing ("missing") has no funding for an order.
        new("POST", "/api/orders", Scope.Caller, [O], 202, 202, 422),
        new("GET", "/api/orders", Scope.Caller, [O], 200, 200, 200),
        new("GET", "/api/orders/{orderId}", Scope.Order, [O], 200, 404, 404),
        new("GET", "/api/orders/{orderId}/lines", Scope.Order, [O], 200, 404, 404),
        new("POST", "/api/orders/{orderId}/lines/{lineId}/resend", Scope.Line, [O], 202, 404, 404),
        new("POST", "/api/orders/{orderId}/cancellation", Scope.Order, [O], 200, 404, 404),
        new("GET", "/api/funding", Scope.Caller, [O], 200, 200, 200),
        new("POST", "/api/orgs/{org}/funding", Scope.Org, [A], 201, 201, 201),
        // Open to all: the page and its assets, the description, health, and the local mode's own routes.
        new("GET", "/redeem", Scope.Public, Anyone, 200, 200, 200),
        new("GET", "/redeem/assets/{name}", Scope.Asset, Anyone, 200, 200, 404),
        new("GET", "/api/health", Scope.Public, Anyone, 200, 200, 200),
        new("GET", "/api/openapi.json", Scope.Public, Anyone, 200, 200, 200),
        new("POST", "/api/dev/tokens", Scope.Public, Anyone, 200, 200, 200),
        new("GET", "/api/dev/ping", Scope.Public, Anyone, 200, 200, 200),
    ];

    /// <summary>Who calls: no token, a malformed token, and every role the code knows.</summary>
    public static readonly IReadOnlyList<string> Callers = ["anonymous", "malformed", C, O, I, R, K, P, S, A, F];
}
