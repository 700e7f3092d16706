using System.Globalization;
using Gifting.Core;
using Gifting.Core.Liability;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>Finance's reports, read from running totals, never from the ledgers.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/liability", LiabilityAsync).RequireAuthorization(Policies.Finance)
            .Produces<LiabilityResponse>().Produces<string>(StatusCodes.Status200OK, "text/csv")
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);

    private static async Task<IResult> LiabilityAsync(
        HttpContext http, LiabilityReport report, TimeProvider clock, string? marketplace, string? from, string? to,
        CancellationToken cancellationToken)
    {
        Marketplace? asked = null;
        if (marketplace is not null && !Marketplace.TryParse(marketplace, out asked))
            return Problems.Validation("marketplace is not one this service serves.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Left out, the period is this month so far, today included.
        if (!TryDay(from, new DateOnly(today.Year, today.Month, 1), out var first)
            || !TryDay(to, today.AddDays(1), out var end))
            return Problems.Validation("from and to must be days written yyyy-MM-dd.");
        if (end <= first || end.DayNumber - first.DayNumber > LiabilityReport.MaxDays)
            return Problems.Validation($"to must be after from, and at most {LiabilityReport.MaxDays} days later.");
        var figures = await report.ExecuteAsync(asked, first, end, cancellationToken);
        var response = new LiabilityResponse(first, end, [.. figures.Select(LiabilityItem.Of)]);
        return http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? Results.Text(response.ToCsv(), "text/csv; charset=utf-8")
            : Results.Ok(response);
    }

    private static bool TryDay(string? text, DateOnly otherwise, out DateOnly day)
    {
        day = otherwise;
        return text is null
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
