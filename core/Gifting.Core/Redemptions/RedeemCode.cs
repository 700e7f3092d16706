using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Ledger;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Redeems a claim code into the caller's gift balance. The card is first claimed for the account with a conditional
/// write (exactly one claimant wins), then credited and finalised by <see cref="CompleteRedemption"/>.
/// </summary>
public sealed class RedeemCode(
    ICardStore cards, CodeHasher hasher, AccountLedger ledger, CompleteRedemption complete, RedemptionThrottle throttle,
    ReviewPolicy review, IHoldStore holds)
{
    private const string NoSuchCode = "This claim code is not valid.";

    public async Task<Result<Redemption>> ExecuteAsync(RedeemCommand command, CancellationToken cancellationToken)
    {
        if (await throttle.RetryAfterAsync(command.Account, command.ClientAddress, cancellationToken) is { } wait)
            return new Failure(ErrorCode.TooManyAttempts, "Too many failed attempts to redeem. Try again later.", wait);

        var parsed = ClaimCode.Parse(command.Code);
        if (parsed.Code is null)
        {
            // A bad check symbol reveals nothing about which codes exist, so it costs no attempt.
            return new Failure(ErrorCode.InvalidCode, parsed.LikelyTypo
                ? "This claim code is not valid: a symbol looks mistyped. Check it and try again."
                : NoSuchCode);
        }

        var card = await cards.FindByCodeHashAsync(hasher.Candidates(CodePurpose.ClaimCode, parsed.Code.Normalized), cancellationToken);
        var result = card is null ? new Failure(ErrorCode.InvalidCode, NoSuchCode) : await RedeemAsync(card, command, cancellationToken);
        if (!result.Succeeded)
            await throttle.RecordFailureAsync(command.Account, command.ClientAddress, cancellationToken);
        return result;
    }

    private async Task<Result<Redemption>> RedeemAsync(StoredCard stored, RedeemCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Cancelled:
                    return new Failure(ErrorCode.InvalidCode, NoSuchCode);
                case CardStatus.Inactive:
                    return new Failure(ErrorCode.CardNotActivated, "This card has not been activated yet. Ask the store where it was bought.");
                case CardStatus.Held when card.ClaimedBy == command.Account.Value:
                    return await HoldAsync(card, command.Account, cancellationToken);
                case CardStatus.Held:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This claim code has already been redeemed.");
                case CardStatus.Redeemed when card.ClaimedBy == command.Account.Value:
                    // The caller's own redemption, finished earlier (a retry after a crash lands here): answer it again.
                    var latestEntry = await ledger.LatestAsync(command.Account, cancellationToken)
                        ?? throw new InvalidOperationException("A redeemed card's claimant has no ledger.");
                    return new Redemption(card.RedemptionId!, card.Last4, card.Value, Balance.Of(latestEntry.Marketplace, latestEntry.After));
                case CardStatus.Redeemed:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This claim code has already been redeemed.");
                case CardStatus.Redeeming:
                    var completed = await complete.ExecuteAsync(stored, cancellationToken);
                    if (card.ClaimedBy == command.Account.Value)
                    {
                        return completed.Succeeded
                            ? await SuccessAsync(completed.Value.Card, completed.Value.Posting, cancellationToken)
                            : completed.Failure!;
                    }
                    if (completed.Succeeded) return new Failure(ErrorCode.AlreadyRedeemed, "This claim code has already been redeemed.");
                    // The claimant could not be credited and the card was given back: it is free for this account.
                    stored = await cards.FindBySerialAsync(card.Serial, cancellationToken) ?? throw new InvalidOperationException("A card disappeared.");
                    continue;
            }

            var latest = await ledger.LatestAsync(command.Account, cancellationToken);
            var marketplace = latest?.Marketplace ?? command.TokenMarketplace;
            if (card.Marketplace != marketplace)
                return new Failure(ErrorCode.RegionMismatch, $"This card is for marketplace {card.Marketplace}; the balance is in {marketplace}.");

            var claimed = card with
            {
                Status = review.Holds(card) ? CardStatus.Held : CardStatus.Redeeming,
                ClaimedBy = command.Account.Value,
                RedemptionId = "rdm_" + Guid.NewGuid().ToString("N"),
            };
            stored = await cards.TryReplaceAsync(claimed, stored.ETag, cancellationToken) is { } etag
                ? new StoredCard(claimed, etag)
                : await cards.FindBySerialAsync(card.Serial, cancellationToken) ?? throw new InvalidOperationException("A card disappeared.");
        }
    }

    /// <summary>A held claim: recorded beside the balance (again, on a retry) and answered as pending.</summary>
    private async Task<Redemption> HoldAsync(Card card, AccountId account, CancellationToken cancellationToken)
    {
        await holds.PutAsync(account, new Hold(card.CardId, card.Serial, card.RedemptionId!, card.Value), cancellationToken);
        return new Redemption(card.RedemptionId!, card.Last4, card.Value, Balance: null);
    }

    private async Task<Redemption> SuccessAsync(Card card, Posting posting, CancellationToken cancellationToken)
    {
        // A replayed credit is an old entry; show the balance as it is now.
        var entry = posting.Replayed ? await ledger.LatestAsync(posting.Entry.Account, cancellationToken) ?? posting.Entry : posting.Entry;
        return new Redemption(card.RedemptionId!, card.Last4, card.Value, Balance.Of(entry.Marketplace, entry.After));
    }
}
