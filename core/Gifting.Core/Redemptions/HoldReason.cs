namespace Gifting.Core.Redemptions;

/// <summary>Which rule held a redemption (its name, as operators see it in the review list) and why.</summary>
public sealed record HoldReason(string Rule, string Reason)
{
    public const string ValueThreshold = "value_threshold";
    public const string DailyValue = "daily_value";
    public const string HourlyCodes = "hourly_codes";
    public const string FreshCardOtherAccount = "fresh_card_other_account";
}
