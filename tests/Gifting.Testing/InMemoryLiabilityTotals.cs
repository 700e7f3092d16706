using Gifting.Core;
using Gifting.Core.Liability;

namespace Gifting.Testing;

/// <summary>Running totals per marketplace, currency and day, each event counted once under its mark.</summary>
public sealed class InMemoryLiabilityTotals : ILiabilityTotals
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Marketplace, string Currency, DateOnly Day), LiabilityDelta> _days = [];

    public Task CountOnceAsync(
        Marketplace marketplace, string currency, DateOnly day, string mark, LiabilityDelta delta,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marketplace);
        ArgumentNullException.ThrowIfNull(delta);
        lock (_gate)
        {
            if (!_marks.Add($"{marketplace.Code}-{currency}-{day}-{mark}")) return Task.CompletedTask;
            var key = (marketplace.Code, currency, day);
            _days[key] = Add(_days.GetValueOrDefault(key) ?? new LiabilityDelta(), delta);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiabilityFigures>> ReadAsync(
        Marketplace? marketplace, DateOnly fromDay, DateOnly untilDay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LiabilityFigures> figures = [.. _days
                .Where(d => marketplace is null || d.Key.Marketplace == marketplace.Code)
                .GroupBy(d => (d.Key.Marketplace, d.Key.Currency))
                .OrderBy(g => g.Key.Marketplace, StringComparer.Ordinal)
                .Select(g =>
                {
                    var all = g.Aggregate(new LiabilityDelta(), (sum, d) => Add(sum, d.Value));
                    var breakage = g.Where(d => d.Key.Day >= fromDay && d.Key.Day < untilDay)
                        .Sum(d => d.Value.Breakage);
                    return new LiabilityFigures(Marketplace.Parse(g.Key.Marketplace), g.Key.Currency,
                        all.UnredeemedCards, all.Gift, all.Promotional, all.PendingReview, all.Funding, breakage);
                })];
            return Task.FromResult(figures);
        }
    }

    private static LiabilityDelta Add(LiabilityDelta a, LiabilityDelta b) => new(
        a.UnredeemedCards + b.UnredeemedCards, a.Gift + b.Gift, a.Promotional + b.Promotional,
        a.PendingReview + b.PendingReview, a.Funding + b.Funding, a.Breakage + b.Breakage);
}
