namespace Gifting.Core.Adjustments;

/// <summary>
/// Why an operator moves money by hand. Each reason allows the directions it can mean: goodwill only gives, a
/// chargeback, fraud recovery, escheatment (dormant value remitted to the state) or a legal order only takes, and a
/// correction or a migration from another system may go either way.
/// </summary>
public enum AdjustmentReason { Goodwill, Correction, Chargeback, FraudRecovery, Escheatment, LegalOrder, Migration }

public static class AdjustmentReasons
{
    public static bool Allows(this AdjustmentReason reason, bool credit) => reason switch
    {
        AdjustmentReason.Goodwill => credit,
        AdjustmentReason.Chargeback or AdjustmentReason.FraudRecovery or AdjustmentReason.Escheatment
            or AdjustmentReason.LegalOrder => !credit,
        _ => true,
    };
}
