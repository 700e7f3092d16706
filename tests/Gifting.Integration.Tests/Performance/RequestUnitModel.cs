namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// Request units computed from a request's kind and sizes, as docs/performance.md states the model: a point read of
/// 1 KB is 1 RU, a write (create, upsert, delete) of 1 KB about 5 RU, a replace twice an insert (Microsoft's "Optimize
/// request cost" article), every started KB counted whole. The emulator charges nothing, so these are estimates of
/// what a real account would charge, and the constants are here to be changed when a real account is measured.
/// </summary>
public static class RequestUnitModel
{
    public const double ReadPerKb = 1;
    public const double WritePerKb = 5;
    public const double ReplaceFactor = 2;

    /// <summary>A single-partition query served by the index: a base charge plus the KB it returns.</summary>
    public const double QueryBase = 2;

    /// <summary>A miss (404) or a lost condition (409, 412): about a read, for the work done before refusing.</summary>
    public const double Refused = 1;

    /// <summary>Serverless, per million RU; autoscale, per 100 RU/s per hour (1.5 times the manual rate).</summary>
    public const double ServerlessPerMillion = 0.25;
    public const double AutoscalePer100RuHour = 0.012;

    /// <summary>Azure's billing month, and the lowest autoscale maximum (1,000 RU/s, so a floor of 100 RU/s).</summary>
    public const double HoursPerMonth = 730;
    public const double AutoscaleFloor = 100;

    public static double Charge(RecordedRequest request)
    {
        var kind = request.Operation.Kind;
        if (!request.Operation.IsDocument) return 0;
        if (request.Status is 404 or 409 or 412) return Refused;
        return kind switch
        {
            CosmosOperationKind.PointRead => ReadPerKb * Kb(request.ResponseBytes),
            CosmosOperationKind.Query or CosmosOperationKind.ReadFeed =>
                QueryBase + ReadPerKb * Kb(request.ResponseBytes),
            // A patch sends only its operations: charged as a replace of a document of a KB.
            CosmosOperationKind.Replace or CosmosOperationKind.Patch =>
                ReplaceFactor * WritePerKb * Kb(request.RequestBytes),
            _ => WritePerKb * Kb(request.RequestBytes),
        };
    }

    /// <summary>Started kilobytes, at least one: what a charge scales with.</summary>
    public static double Kb(long bytes) => Math.Max(1, Math.Ceiling(bytes / 1024.0));

    public static double Serverless(double ruPerMonth) => ruPerMonth / 1_000_000 * ServerlessPerMillion;

    /// <summary>
    /// Autoscale billed each hour at the highest RU/s it scaled to, never under the floor: here every hour at the
    /// month's average times <paramref name="peakFactor"/>, rounded up to 100 RU/s.
    /// </summary>
    public static double Autoscale(double ruPerMonth, double peakFactor)
    {
        var peak = ruPerMonth / (HoursPerMonth * 3600) * peakFactor;
        var billed = Math.Max(AutoscaleFloor, Math.Ceiling(peak / 100) * 100);
        return HoursPerMonth * billed / 100 * AutoscalePer100RuHour;
    }
}
