using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;
using Gifting.Functions;
using Gifting.Infra;
using Gifting.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gifting.LoadHost;

/// <summary>
/// Puts the in-memory stores of Gifting.Testing behind the handler in place of Cosmos DB, so a load run measures the
/// app without the database. Every core port that <see cref="GiftingInfraServices.AddGiftingInfra"/> registers is
/// swapped for the <c>InMemory*</c> class named for it (<c>IHoldStore</c>: <c>InMemoryHoldStore</c>), and the infra's
/// start-up check is dropped; a port without its in-memory twin stops the start, so a new store cannot quietly stay on
/// Cosmos.
/// </summary>
public static class InMemoryStores
{
    public static void Use(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsEnvironment(GiftingApp.LocalEnvironment))
            throw new InvalidOperationException("In-memory stores are for local load runs only.");
        // The swap must see the app's registrations, which are added after this runs: the factory gets them all.
        builder.Host.UseServiceProviderFactory(new Swap());
    }

    private sealed class Swap : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var infra = new ServiceCollection().AddGiftingInfra(new ConfigurationBuilder().Build());
            var twins = typeof(InMemoryCardStore).Assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false }
                    && t.Name.StartsWith("InMemory", StringComparison.Ordinal))
                .ToList();
            var ports = infra.Select(d => d.ServiceType)
                .Where(t => t.IsInterface && t.Assembly == typeof(Money).Assembly)
                .Distinct();
            foreach (var port in ports)
            {
                // By name: a twin may also implement a port it only decorates (the funding store is a ledger).
                var twin = twins.Where(t => port.IsAssignableFrom(t) && t.Name == "InMemory" + port.Name[1..])
                    .ToList() is [var only]
                    ? only
                    : throw new InvalidOperationException(
                        $"{port.Name} needs an in-memory implementation named InMemory{port.Name[1..]} in "
                        + "Gifting.Testing.");
                services.RemoveAll(port);
                services.AddSingleton(port, twin);
            }
            // The in-memory ledger keeps an account's holds and preferences beside its entries, as the account
            // document does, so its own instances are the ones to write to.
            services.RemoveAll<IHoldStore>();
            services.AddSingleton<IHoldStore>(sp => Ledger(sp).Holds);
            services.RemoveAll<IPreferencesStore>();
            services.AddSingleton<IPreferencesStore>(sp => Ledger(sp).Preferences);
            services.RemoveAll<Core.Freezes.IFreezeStore>();
            services.AddSingleton<Core.Freezes.IFreezeStore>(sp => Ledger(sp).Freezes);
            services.RemoveAll<IReviewList>();
            services.AddSingleton<IReviewList>(sp => new InMemoryReviewList(Ledger(sp).Holds));
            var checks = infra.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType)
                .ToHashSet();
            foreach (var check in services.Where(d => d.ServiceType == typeof(IHostedService)
                && checks.Contains(d.ImplementationType)).ToList())
                services.Remove(check);
            return services;
        }

        private static InMemoryLedgerStore Ledger(IServiceProvider services) =>
            (InMemoryLedgerStore)services.GetRequiredService<ILedgerStore>();

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider();
    }
}
