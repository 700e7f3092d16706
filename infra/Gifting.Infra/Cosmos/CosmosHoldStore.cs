using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Held redemptions live on the claimant's account document, one per card, beside the balance. Each is also listed
/// for the reviewers (<see cref="CosmosReviewList"/>): listed before it is put on the account, and taken off the
/// account before it is unlisted, so a hold on an account is always listed.
/// </summary>
public sealed class CosmosHoldStore(CosmosAccounts accounts, CosmosReviewList reviews) : IHoldStore
{
    public async Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await reviews.AddAsync(account, hold, cancellationToken);
        var document = new CosmosAccounts.HoldDocument(hold.CardId, hold.Serial, hold.RedemptionId, hold.Amount);
        await accounts.UpdateAsync(account, a => a with
        {
            Holds = [.. (a.Holds ?? []).Where(h => h.CardId != hold.CardId), document],
        }, cancellationToken);
    }

    public async Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken)
    {
        await accounts.UpdateAsync(account, a => a with
        {
            Holds = [.. (a.Holds ?? []).Where(h => h.CardId != cardId)],
        }, cancellationToken);
        await reviews.RemoveAsync(cardId, cancellationToken);
    }
}
