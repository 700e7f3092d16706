using System.Globalization;
using System.Text;
using Gifting.Core;
using Gifting.Core.Liability;

namespace Gifting.Functions.Responses;

/// <summary>One marketplace and currency of the liability report.</summary>
public sealed record LiabilityItem(
    string Marketplace, string Currency, Money UnredeemedCardValue, Money GiftBalances, Money PromotionalBalances,
    Money PendingReview, Money CorporateFunding, Money Breakage)
{
    public static LiabilityItem Of(LiabilityFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        Money M(long amount) => new(amount, f.Currency);
        return new(f.Marketplace.Code, f.Currency, M(f.UnredeemedCards), M(f.Gift), M(f.Promotional),
            M(f.PendingReview), M(f.Funding), M(f.Breakage));
    }
}

/// <summary>
/// The liability report: balances as they stand now, and the breakage (promotional credit that expired) of the days
/// from <see cref="From"/> up to, not including, <see cref="To"/>.
/// </summary>
public sealed record LiabilityResponse(DateOnly From, DateOnly To, IReadOnlyList<LiabilityItem> Items)
{
    public const string CsvHeader = "marketplace,currency,unredeemedCardValue,giftBalances,promotionalBalances,"
        + "pendingReview,corporateFunding,breakage,breakageFrom,breakageTo";

    /// <summary>The report as CSV, amounts in major units with the currency's own decimal places.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var i in Items)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i.Marketplace},{i.Currency},{Major(i.UnredeemedCardValue)},")
                .Append(CultureInfo.InvariantCulture, $"{Major(i.GiftBalances)},{Major(i.PromotionalBalances)},")
                .Append(CultureInfo.InvariantCulture, $"{Major(i.PendingReview)},{Major(i.CorporateFunding)},")
                .Append(CultureInfo.InvariantCulture, $"{Major(i.Breakage)},{From:yyyy-MM-dd},{To:yyyy-MM-dd}\n");
        }
        return csv.ToString();
    }

    private static string Major(Money money)
    {
        var digits = MinorUnits.TryGetDigits(money.Currency, out var d) ? d : 0;
        var major = money.Amount / (decimal)Math.Pow(10, digits);
        return major.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
