using System.Globalization;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// The liability report's US dollar figures that a path moves: unredeemed card value, gift and promotional
/// balances, pending review and corporate funding.
/// </summary>
public readonly record struct Liability(long Unredeemed, long Gift, long Promotional, long Pending, long Funding)
{
    public static async Task<Liability> ReadAsync(CrashRig rig)
    {
        var today = DateOnly.FromDateTime(rig.Clock.GetUtcNow().UtcDateTime);
        var range = string.Create(CultureInfo.InvariantCulture,
            $"from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}");
        using var response = await rig.Client("finance-1", "finance").GetAsync(
            $"/api/reports/liability?marketplace=US&{range}");
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("currency").GetString() == "USD").ToList();
        if (items.Count == 0) return default;
        var item = items[0];
        return new(Amount(item, "unredeemedCardValue"), Amount(item, "giftBalances"),
            Amount(item, "promotionalBalances"), Amount(item, "pendingReview"), Amount(item, "corporateFunding"));
    }

    public static Liability operator -(Liability a, Liability b) => new(a.Unredeemed - b.Unredeemed,
        a.Gift - b.Gift, a.Promotional - b.Promotional, a.Pending - b.Pending, a.Funding - b.Funding);

    /// <summary>A violation when the totals did not move from <paramref name="before"/> by exactly
    /// <paramref name="expected"/>.</summary>
    /// <param name="before">The totals before the run.</param>
    /// <param name="expected">The change the run should have made.</param>
    /// <param name="rig">The app to read the totals from now.</param>
    public static async Task<string?> MovedAsync(Liability before, Liability expected, CrashRig rig)
    {
        var moved = await ReadAsync(rig) - before;
        return moved == expected ? null : $"liability moved by {moved}, expected {expected}";
    }

    private static long Amount(System.Text.Json.JsonElement item, string name) =>
        item.GetProperty(name).GetProperty("amount").GetInt64();
}
