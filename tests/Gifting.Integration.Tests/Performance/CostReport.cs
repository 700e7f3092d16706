using System.Globalization;
using static Gifting.Integration.Tests.Performance.RequestUnitModel;

namespace Gifting.Integration.Tests.Performance;

/// <summary>The tables of docs/performance.md, "Request units and money", printed from measured runs.</summary>
public static class CostReport
{
    /// <summary>The stated workload, per month, and the timers as function.json schedules them.</summary>
    private static readonly (string Item, double PerMonth, string UseCase)[] Workload =
    [
        ("redemptions", 1_000_000, UseCaseRuns.Redemption),
        ("balance reads", 5_000_000, UseCaseRuns.BalanceRead),
        ("e-gifts issued", 100_000, UseCaseRuns.CardIssue),
        ("expiry timer runs", HoursPerMonth * 12, UseCaseRuns.ExpiryIdle),
        ("sweeper timer runs", HoursPerMonth * 60, UseCaseRuns.SweepIdle),
    ];

    public static void Print(Action<string> line, IReadOnlyList<DocumentKind> kinds, IReadOnlyList<UseCaseRun> runs)
    {
        line("| Container | Document kind | Documents | Min bytes | Median bytes | Max bytes |");
        line("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var k in kinds)
            line($"| {k.Container} | {k.Kind} | {k.Count} | {k.MinBytes} | {k.MedianBytes} | {k.MaxBytes} |");
        line("");
        line("| Use case | Point reads | Queries | Writes | Replaces, patches | Misses, lost conditions "
            + "| Bytes read | Bytes written | RU (computed) |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs) line(Row(run.UseCase, run.Requests));
        var byName = runs.ToDictionary(r => r.UseCase);
        line("");
        foreach (var run in runs) line($"{run.UseCase}: {Breakdown(run.Requests)}");
        line($"| expiry, per lot (one lot due less nothing due) | | | | | | | | "
            + $"{N(byName[UseCaseRuns.ExpiryOneLot].RequestUnits - byName[UseCaseRuns.ExpiryIdle].RequestUnits)} |");
        line("");
        line("| Workload item | Per month | RU each | RU per month |");
        line("| --- | ---: | ---: | ---: |");
        var total = 0.0;
        foreach (var (item, perMonth, useCase) in Workload)
        {
            var each = byName[useCase].RequestUnits;
            total += perMonth * each;
            line($"| {item} | {N(perMonth)} | {N(each)} | {N(perMonth * each)} |");
        }
        line($"| total | | | {N(total)} |");
        line("");
        var average = total / (HoursPerMonth * 3600);
        line("| Capacity mode | Monthly cost (USD) |");
        line("| --- | ---: |");
        line($"| serverless, ${ServerlessPerMillion} per million RU | {Usd(Serverless(total))} |");
        foreach (var peak in new[] { 1.0, 5.0, 10.0 })
            line($"| autoscale, one database-level maximum of 1,000 RU/s, every hour at {peak}x the average "
                + $"{N(average)} RU/s | {Usd(Autoscale(total, peak))} |");
    }

    private static string Row(string useCase, IReadOnlyList<RecordedRequest> requests)
    {
        var documents = requests.Where(r => r.Operation.IsDocument).ToList();
        var refused = documents.Where(r => r.Status is 404 or 409 or 412).ToList();
        var served = documents.Except(refused).ToList();
        int Count(params CosmosOperationKind[] kinds) => served.Count(r => kinds.Contains(r.Operation.Kind));
        return $"| {useCase} | {Count(CosmosOperationKind.PointRead)} "
            + $"| {Count(CosmosOperationKind.Query, CosmosOperationKind.ReadFeed)} "
            + $"| {Count(CosmosOperationKind.Create, CosmosOperationKind.Upsert, CosmosOperationKind.Delete,
                CosmosOperationKind.Batch)} "
            + $"| {Count(CosmosOperationKind.Replace, CosmosOperationKind.Patch)} | {refused.Count} "
            + $"| {documents.Sum(r => r.ResponseBytes)} | {documents.Sum(r => r.RequestBytes)} "
            + $"| {N(documents.Sum(Charge))} |";
    }

    private static string Breakdown(IEnumerable<RecordedRequest> requests) => string.Join(", ", requests
        .Where(r => r.Operation.IsDocument)
        .GroupBy(r => $"{r.Operation.Kind} {r.Operation.Container}"
            + (r.Status is 404 or 409 or 412 ? $" ({r.Status})" : ""))
        .Select(g => $"{g.Count()}x {g.Key}"));

    private static string N(double value) =>
        value.ToString(value < 100 ? "#,0.#" : "#,0", CultureInfo.InvariantCulture);

    private static string Usd(double value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
