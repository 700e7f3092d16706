using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Funding;
using Gifting.Core.Idempotency;
using Gifting.Core.Ledger;
using Gifting.Core.Links;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Core.Promotions;
using Gifting.Core.Redemptions;
using Gifting.Core.Refunds;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gifting.Infra;

public static class GiftingInfraServices
{
    /// <summary>Registers the Cosmos DB client, containers and the stores behind the core's ports.</summary>
    public static IServiceCollection AddGiftingInfra(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CosmosOptions>()
            .Bind(configuration.GetSection(CosmosOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CosmosOptions>>().Value);
        services.AddSingleton(sp =>
            GiftingContainers.CreateClient(sp.GetRequiredService<CosmosOptions>(), GiftingJson.Options));
        services.AddSingleton<GiftingContainers>();
        services.AddSingleton<ICardStore, CosmosCardStore>();
        services.AddSingleton<ILinkIndex, CosmosLinkIndex>();
        services.AddSingleton<CosmosAccounts>();
        services.AddSingleton<ILedgerStore, CosmosLedgerStore>();
        services.AddSingleton<IFundingLedgerStore, CosmosFundingStore>();
        services.AddSingleton<IPreferencesStore, CosmosPreferencesStore>();
        services.AddSingleton<IAttemptLog, CosmosAttemptLog>();
        services.AddSingleton<IIdempotencyStore, CosmosIdempotencyStore>();
        services.AddSingleton<CosmosReviewList>();
        services.AddSingleton<IReviewList>(sp => sp.GetRequiredService<CosmosReviewList>());
        services.AddSingleton<IHoldStore, CosmosHoldStore>();
        services.AddSingleton<IRedemptionWindows, CosmosRedemptionWindows>();
        services.AddSingleton<Core.Freezes.IFreezeStore, CosmosFreezeStore>();
        services.AddSingleton<IExpiryIndex, CosmosExpiryIndex>();
        services.AddSingleton<IUnfinishedRedemptionIndex, CosmosUnfinishedRedemptionIndex>();
        services.AddSingleton<IRejectedMessages, CosmosRejectedMessages>();
        services.AddSingleton<Core.Liability.ILiabilityTotals, CosmosLiabilityTotals>();
        services.AddSingleton<IRefundClaims, CosmosRefundClaims>();
        services.AddSingleton<IOrderStore, CosmosOrderStore>();
        services.AddSingleton<IUnfinishedOrderIndex, CosmosUnfinishedOrderIndex>();
        services.AddHostedService<CosmosStartup>();
        return services;
    }
}
