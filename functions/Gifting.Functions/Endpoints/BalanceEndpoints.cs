using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

public static class BalanceEndpoints
{
    public sealed record PreferencesBody(bool ApplyToOrders, bool ApplyToSubscriptions)
    {
        public static PreferencesBody Of(Preferences p) => new(p.ApplyToOrders, p.ApplyToSubscriptions);

        public Preferences ToPreferences() => new(ApplyToOrders, ApplyToSubscriptions);
    }

    public static void MapBalance(this IEndpointRouteBuilder app)
    {
        var balance = app.MapGroup("/api/balance").RequireAuthorization(Policies.Customer);
        balance.MapGet("", GetBalanceAsync).Produces<BalanceResponse>().DescribeProblems();
        balance.MapGet("/activity", GetActivityAsync).Produces<PageResponse<ActivityItem>>()
            .DescribeProblems(ProblemCodes.ValidationFailed);
        balance.MapGet("/preferences", GetPreferencesAsync).Produces<PreferencesBody>().DescribeProblems();
        balance.MapPut("/preferences", PutPreferencesAsync).Produces<PreferencesBody>().DescribeProblems();
    }

    private static async Task<IResult> GetBalanceAsync(
        HttpContext http, GetBalance getBalance, CancellationToken cancellationToken) =>
        Caller.From(http) is { } caller
            ? Results.Ok(BalanceResponse.Of(
                await getBalance.ExecuteAsync(caller.Account, caller.Marketplace, cancellationToken)))
            : Caller.Unusable;

    private static async Task<IResult> GetActivityAsync(
        HttpContext http, GetActivity getActivity, int? limit, string? cursor, CancellationToken cancellationToken) =>
        Caller.From(http) is { } caller
            ? await ActivityPageAsync(caller.Account, getActivity, limit, cursor, cancellationToken)
            : Caller.Unusable;

    /// <summary>A page of an account's activity, as the shopper and support both read it.</summary>
    internal static async Task<IResult> ActivityPageAsync(
        AccountId account, GetActivity getActivity, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 100) return Problems.Validation("limit must be between 1 and 100.");
        long? before = null;
        if (cursor is not null)
        {
            if (DecodeCursor(cursor) is not { } seq) return Problems.Validation("cursor is not one this API gave out.");
            before = seq;
        }
        var page = await getActivity.ExecuteAsync(account, before, limit ?? 25, cancellationToken);
        var items = page.Entries.Select(ActivityItem.Of).ToList();
        var nextCursor = page.NextBefore is { } next ? EncodeCursor(next) : null;
        return Results.Ok(new PageResponse<ActivityItem>(items, nextCursor));
    }

    private static async Task<IResult> GetPreferencesAsync(
        HttpContext http, GetPreferences get, CancellationToken cancellationToken) =>
        Caller.From(http) is { } caller
            ? Results.Ok(PreferencesBody.Of(await get.ExecuteAsync(caller.Account, cancellationToken)))
            : Caller.Unusable;

    private static async Task<IResult> PutPreferencesAsync(
        PreferencesBody body, HttpContext http, SetPreferences set, CancellationToken cancellationToken) =>
        Caller.From(http) is { } caller
            ? Results.Ok(PreferencesBody.Of(
                await set.ExecuteAsync(caller.Account, body.ToPreferences(), cancellationToken)))
            : Caller.Unusable;

    private static string EncodeCursor(long before) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("before:" + before.ToString(CultureInfo.InvariantCulture)));

    private static long? DecodeCursor(string cursor)
    {
        if (cursor.Length > 64) return null;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("before:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                && seq > 1 ? seq : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
