using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Concurrency;
using Gifting.Core.Ledger;
using Gifting.Core.Links;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Redeems a claim code, or the one-click link token of an e-gift's line, into the caller's gift balance. The card is
/// first claimed for the account with a conditional write (exactly one claimant wins), then credited and finalised by
/// <see cref="CompleteRedemption"/>. Once a card is redeemed, a code or link answers already redeemed, telling the
/// shopper it credited which redemption that was and when.
/// </summary>
public sealed class RedeemCode(
    ICardStore cards, CodeHasher hasher, AccountLedger ledger, CompleteRedemption complete, RecordHold recordHold,
    RedemptionThrottle throttle, ReviewPolicy review, IUnfinishedRedemptionIndex unfinished, AccountBalances balances,
    LinkedCards links, VelocityRules velocity, TimeProvider clock)
{
    public const string NoSuchCode = "This claim code is not valid.";
    public const string AlreadyRedeemed = "This claim code has already been redeemed.";

    public async Task<Result<Redemption>> ExecuteAsync(RedeemCommand command, CancellationToken cancellationToken)
    {
        if (await throttle.RetryAfterAsync(command.Account, command.ClientAddress, cancellationToken) is { } wait)
            return new Failure(ErrorCode.TooManyAttempts, "Too many failed attempts to redeem. Try again later.", wait);

        var lookup = command.LinkToken is { } token
            ? await links.FindAsync(token, cancellationToken)
            : await FindByCodeAsync(command.Code ?? "", cancellationToken);
        if (lookup.Card is null && !lookup.CostsAttempt) return lookup.Refusal!;
        Result<Redemption> result = lookup.Card is null
            ? lookup.Refusal!
            : await RedeemAsync(lookup.Card, command, cancellationToken);
        // The caller's own card again reveals nothing and guesses nothing: it costs no attempt.
        if (!result.Succeeded && result.Failure!.RedeemedByCaller is null)
            await throttle.RecordFailureAsync(command.Account, command.ClientAddress, cancellationToken);
        return result;
    }

    private async Task<CardLookup> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var parsed = ClaimCode.Parse(code);
        if (parsed.Code is null)
        {
            // A bad check symbol reveals nothing about which codes exist, so it costs no attempt.
            return CardLookup.Malformed(new Failure(ErrorCode.InvalidCode, parsed.LikelyTypo
                ? "This claim code is not valid: a symbol looks mistyped. Check it and try again."
                : NoSuchCode));
        }
        var card = await cards.FindByCodeHashAsync(
            hasher.Candidates(CodePurpose.ClaimCode, parsed.Code.Normalized), cancellationToken);
        return card is null
            ? CardLookup.Unknown(new Failure(ErrorCode.InvalidCode, NoSuchCode))
            : CardLookup.Found(card);
    }

    private Task<Result<Redemption>> RedeemAsync(
        StoredCard found, RedeemCommand command, CancellationToken cancellationToken)
    {
        var stored = found;
        var first = true;
        UnfinishedRedemption? claim = null;
        return OptimisticRetry.RunAsync<Redemption>($"card {found.Card.Serial}", async () =>
        {
            if (!first)
                stored = await cards.RereadAsync(found.Card, cancellationToken) ?? throw CardVanished();
            first = false;
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Cancelled:
                    return new Failure(ErrorCode.InvalidCode, NoSuchCode);
                case CardStatus.Inactive:
                    return new Failure(ErrorCode.CardNotActivated,
                        "This card has not been activated yet. Ask the store where it was bought.");
                case CardStatus.Held when card.ClaimedBy == command.Account:
                    // The claim that made it recorded the hold (or the sweeper will). A retry writes nothing, so it
                    // cannot put back a hold that a review has just removed.
                    return Pending(card);
                case CardStatus.Redeeming when card.ClaimedBy == command.Account:
                    return await CompleteAsync(stored, known: null, cancellationToken);
                case CardStatus.Redeemed when card.ClaimedBy == command.Account:
                    // The caller's own redemption, finished earlier (a retry without an Idempotency-Key lands here):
                    // already redeemed, with which redemption and since when, so the client knows it counted once.
                    return new Failure(ErrorCode.AlreadyRedeemed, AlreadyRedeemed)
                    {
                        RedeemedByCaller = new PriorRedemption(card.RedemptionId!,
                            card.RedeemedAt ?? throw new InvalidOperationException("A redeemed card has no date.")),
                    };
                case CardStatus.Held or CardStatus.Redeemed:
                    return new Failure(ErrorCode.AlreadyRedeemed, AlreadyRedeemed);
                case CardStatus.Redeeming:
                    var completed = await complete.ExecuteAsync(stored, cancellationToken);
                    if (completed.Succeeded)
                        return new Failure(ErrorCode.AlreadyRedeemed, AlreadyRedeemed);
                    // The claimant could not be credited and the card was given back: it is free for this account.
                    return null;
            }

            // Only a new claim is refused: a claim made before a freeze is finished above, as the protocol promises.
            if (card.Frozen) return new Failure(ErrorCode.CardFrozen, "This card is frozen.");
            var account = await ledger.ReadAsync(command.Account, cancellationToken);
            if (account.Frozen) return new Failure(ErrorCode.AccountFrozen, "This account is frozen.");
            var marketplace = account.Latest?.Marketplace ?? command.TokenMarketplace;
            if (card.Marketplace != marketplace)
                return new Failure(ErrorCode.RegionMismatch,
                    $"This card is for marketplace {card.Marketplace}; the balance is in {marketplace}.")
                {
                    CardMarketplace = card.Marketplace,
                };

            if (claim is null)
            {
                // Indexed before the claim: a crash after it leaves the sweeper an entry to finish, and a claim that
                // never happens leaves one it drops.
                claim = new UnfinishedRedemption(
                    card.Serial, "rdm_" + Guid.NewGuid().ToString("N"), command.Account, clock.GetUtcNow());
                await unfinished.AddAsync(claim, cancellationToken);
            }
            // Counted before the claim, once per card: a retry finds it counted and is judged as the first try was.
            var counted = await velocity.CountAsync(command.Account, card, cancellationToken);
            var heldFor = review.Reason(card) ?? counted;
            var claimed = card with
            {
                Status = heldFor is null ? CardStatus.Redeeming : CardStatus.Held,
                HeldFor = heldFor,
                ClaimedBy = command.Account,
                RedemptionId = claim.RedemptionId,
                ClaimedAt = claim.Since,
                ReviewDecision = null,
                ReviewedBy = null,
                ReviewedAt = null,
            };
            if (await cards.TryReplaceAsync(claimed, stored.ETag, cancellationToken) is not { } etag) return null;
            // The claim is binding: finish it whether or not the caller is still there to hear the answer.
            return await FinishClaimAsync(new StoredCard(claimed, etag), account, CancellationToken.None);
        }, cancellationToken);
    }

    /// <summary>The caller's own new claim: held for review, or credited and finalised.</summary>
    private async Task<Result<Redemption>> FinishClaimAsync(
        StoredCard claimed, AccountState account, CancellationToken cancellationToken)
    {
        var card = claimed.Card;
        if (card.Status != CardStatus.Held) return await CompleteAsync(claimed, account, cancellationToken);
        await recordHold.ExecuteAsync(card, cancellationToken);
        await unfinished.RemoveAsync(UnfinishedRedemption.Of(card)!, cancellationToken);
        return Pending(card);
    }

    /// <summary>Credits a claimed card, deciding first on <paramref name="known"/>, the account as just read.</summary>
    private async Task<Result<Redemption>> CompleteAsync(
        StoredCard claimed, AccountState? known, CancellationToken cancellationToken)
    {
        var completed = await complete.ExecuteAsync(claimed, known, cancellationToken);
        if (!completed.Succeeded) return completed.Failure!;
        var (card, posting) = completed.Value;
        // A replayed credit is an old entry; show the balance as it is now.
        var balance = posting.Replayed
            ? balances.Of(await ledger.ReadAsync(posting.Entry.Account, CancellationToken.None), card.Marketplace)
            : balances.After(posting);
        return new Redemption(card.RedemptionId!, card.Last4, card.Value, balance);
    }

    private static Redemption Pending(Card card) => new(card.RedemptionId!, card.Last4, card.Value, Balance: null);

    private static InvalidOperationException CardVanished() => new("A card disappeared.");
}
