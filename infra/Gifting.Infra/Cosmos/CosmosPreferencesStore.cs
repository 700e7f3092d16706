using Gifting.Core;
using Gifting.Core.Balances;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>Preferences live in the account's ledger partition, beside its entries.</summary>
public sealed class CosmosPreferencesStore(GiftingContainers containers) : IPreferencesStore
{
    private const string Id = "preferences";

    public async Task<Preferences?> FindAsync(AccountId account, CancellationToken cancellationToken)
    {
        var (document, _) = await containers.Ledger.ReadOrNullAsync<PreferencesDocument>(
            Id, account.Value, cancellationToken);
        return document is null ? null : new Preferences(document.ApplyToOrders, document.ApplyToSubscriptions);
    }

    public Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken) =>
        containers.Ledger.UpsertItemAsync(
            new PreferencesDocument(Id, account.Value, preferences.ApplyToOrders, preferences.ApplyToSubscriptions),
            new PartitionKey(account.Value), cancellationToken: cancellationToken);

    /// <summary>
    /// A document in the <c>ledger</c> container, one per account: the container's unique key demands an
    /// <c>opKey</c>, and <c>"preferences"</c> is one no operation in <see cref="Core.Ledger.OpKeys"/> produces.
    /// </summary>
    internal sealed record PreferencesDocument(string Id, string Pk, bool ApplyToOrders, bool ApplyToSubscriptions)
    {
        public string DocType { get; init; } = "preferences";
        public string OpKey { get; init; } = "preferences";
    }
}
