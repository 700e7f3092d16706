using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Infra.Cosmos;

/// <summary>Held redemptions live on the claimant's account document, one per card, beside the balance.</summary>
public sealed class CosmosHoldStore(CosmosAccounts accounts) : IHoldStore
{
    public Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var document = new CosmosAccounts.HoldDocument(hold.CardId, hold.Serial, hold.RedemptionId, hold.Amount);
        return accounts.UpdateAsync(account, a => a with
        {
            Holds = [.. (a.Holds ?? []).Where(h => h.CardId != hold.CardId), document],
        }, cancellationToken);
    }

    public Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken) =>
        accounts.UpdateAsync(account, a => a with
        {
            Holds = [.. (a.Holds ?? []).Where(h => h.CardId != cardId)],
        }, cancellationToken);
}
