using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Debits;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Core.Links;
using Gifting.Core.Orders;
using Gifting.Core.Promotions;
using Gifting.Core.Redemptions;
using Gifting.Core.Refunds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gifting.Core;

/// <summary>
/// The core's one registration: every use case, one line each. The host adds the stores behind the ports (Cosmos DB
/// in the app, in-memory in tests) and the settings the use cases take (<see cref="Codes.CodeHasher"/>,
/// <see cref="ThrottleLimits"/>, <see cref="ReviewPolicy"/>).
/// </summary>
public static class GiftingCoreServices
{
    public static IServiceCollection AddGiftingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountLedger>();
        services.AddSingleton<Liability.CardTotals>();
        services.AddSingleton<Liability.LiabilityReport>();
        services.AddSingleton<AccountBalances>();
        services.TryAddSingleton(RefundLimits.Default);
        services.TryAddSingleton(PromotionLimits.Default);
        services.TryAddSingleton(OrderLimits.Default);
        services.AddSingleton<OrderRules>();
        services.AddSingleton<RedemptionThrottle>();
        services.AddSingleton<CompleteRedemption>();
        services.AddSingleton<RecordHold>();
        services.AddSingleton<RedeemCode>();
        services.AddSingleton<ReviewRedemption>();
        services.AddSingleton<SweepRedemptions>();
        services.AddSingleton<IssueCards>();
        services.AddSingleton<ActivateCard>();
        services.AddSingleton<CancelCard>();
        services.AddSingleton<GetCard>();
        services.AddSingleton<GetCardHistory>();
        services.AddSingleton<GetBalance>();
        services.AddSingleton<GetActivity>();
        services.AddSingleton<GetPreferences>();
        services.AddSingleton<SetPreferences>();
        services.AddSingleton<DebitAccount>();
        services.AddSingleton<CreditRefund>();
        services.AddSingleton<GrantPromotionalCredit>();
        services.AddSingleton<ExpirePromotionalCredits>();
        services.TryAddSingleton(FundingLimits.Default);
        services.AddSingleton<FundingLedger>();
        services.AddSingleton<AddFunding>();
        services.AddSingleton<GetFunding>();
        services.AddSingleton<ReserveFunding>();
        services.AddSingleton<ReleaseFunding>();
        services.AddSingleton<OrderChunks>();
        services.TryAddSingleton(LinkLimits.Default);
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<Delivery.ILinkSource>(sp => sp.GetRequiredService<LinkTokens>());
        services.AddSingleton<LinkedCards>();
        services.AddSingleton<PreviewLink>();
        services.AddSingleton<LineCards>();
        services.AddSingleton<PlaceOrder>();
        services.AddSingleton<ProcessOrderChunk>();
        services.AddSingleton<CancelOrder>();
        services.AddSingleton<SweepOrders>();
        services.AddSingleton<RecordLineRedeemed>();
        services.AddSingleton<CancelDeclinedLine>();
        services.AddSingleton<GetOrder>();
        services.TryAddSingleton(Delivery.DeliverySettings.Default);
        services.AddSingleton<Delivery.DeliverLine>();
        services.AddSingleton<Delivery.ResendLine>();
        services.AddSingleton<Reloads.ReloadAccount>();
        services.AddSingleton<Adjustments.AdjustBalance>();
        services.AddSingleton<Adjustments.ReverseEntry>();
        services.AddSingleton<Freezes.FreezeAccount>();
        services.AddSingleton<Freezes.FreezeCard>();
        services.TryAddSingleton(VelocityLimits.Default);
        services.AddSingleton<VelocityRules>();
        services.AddSingleton<ListReviews>();
        services.AddSingleton<Messaging.ReplayRejectedMessage>();
        return services;
    }
}
