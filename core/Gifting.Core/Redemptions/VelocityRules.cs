using System.Collections.Immutable;
using Gifting.Core.Cards;
using Gifting.Core.Concurrency;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Counts a card about to be claimed into its claimant's window and says whether a velocity rule holds it. The window
/// keeps each card once, by card id, so a redemption tried again after a crash or a lost race is never counted twice,
/// and is judged on the same cards as the first time. A card is counted when it is about to be claimed, held or not,
/// so held value counts against the rules as credited value does.
/// </summary>
public sealed class VelocityRules(IRedemptionWindows windows, VelocityLimits limits, TimeProvider clock)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public async Task<HoldReason?> CountAsync(AccountId account, Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var judged = await OptimisticRetry.RunAsync<Judgement>($"the redemption window of {account}", async () =>
        {
            var now = clock.GetUtcNow();
            var window = await windows.ReadAsync(account, cancellationToken);
            var counted = window.Cards.FirstOrDefault(c => c.CardId == card.CardId);
            var at = counted?.At ?? now;
            var others = window.Cards.Where(c => c.CardId != card.CardId && c.At > now - Day).ToList();
            var judgement = new Judgement(Judge(others, card, account, at));
            if (counted is not null) return judgement;
            var kept = others.Append(new CountedCard(card.CardId, card.Value.Amount, card.Value.Currency, now))
                .ToImmutableArray();
            if (!await windows.TryWriteAsync(account, kept, window.ETag, cancellationToken)) return null;
            return judgement;
        }, cancellationToken);
        return judged.Value.Hold;
    }

    /// <summary>The card judged with the other cards counted in the 24 hours before <paramref name="at"/>.</summary>
    private HoldReason? Judge(List<CountedCard> others, Card card, AccountId account, DateTimeOffset at)
    {
        var before = others.Where(c => c.At <= at).ToList();
        var dayValue = before.Where(c => c.At > at - Day && c.Currency == card.Value.Currency).Sum(c => c.Amount)
            + card.Value.Amount;
        if (dayValue > limits.MaxValuePerDay)
            return new HoldReason(HoldReason.DailyValue,
                $"{dayValue} minor units redeemed into this account within 24 hours: more than "
                + $"{limits.MaxValuePerDay}.");
        var hourCodes = before.Count(c => c.At > at - Hour) + 1;
        if (hourCodes >= limits.CodesPerHour)
            return new HoldReason(HoldReason.HourlyCodes,
                $"{hourCodes} codes redeemed into this account within an hour; {limits.CodesPerHour} are held.");
        if (card.BoughtFor is { } buyer && buyer != account && at - card.IssuedAt < limits.FreshCardWindow)
            return new HoldReason(HoldReason.FreshCardOtherAccount,
                $"Redeemed {(int)(at - card.IssuedAt).TotalMinutes} minutes after issue into an account other than "
                + "the one it was bought for.");
        return null;
    }

    private sealed record Judgement(HoldReason? Hold);
}
