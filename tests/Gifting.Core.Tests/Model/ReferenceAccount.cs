using Gifting.Core.Debits;
using Gifting.Core.Refunds;

namespace Gifting.Core.Tests.Model;

/// <summary>
/// What an account's balance should be, kept the simplest way possible: a gift amount, a dictionary of lots and
/// running totals of what came in and went out. The model test compares the ledger to it after every step.
/// </summary>
internal sealed class ReferenceAccount(AccountId id, Marketplace marketplace)
{
    public AccountId Id { get; } = id;
    public Marketplace Marketplace { get; } = marketplace;
    public long Gift { get; private set; }
    public Dictionary<string, (long Amount, DateTimeOffset ExpiresAt)> Lots { get; } = new(StringComparer.Ordinal);
    public bool HasEntries { get; private set; }
    public long CreditedIn { get; private set; }
    public long DebitedOut { get; private set; }
    public long ExpiredOut { get; private set; }
    public bool GiftOnOrders { get; set; } = true;
    public bool GiftOnSubscriptions { get; set; } = true;
    public Dictionary<string, (long Applied, long FromPromotional, long FromGift)> Debits { get; } =
        new(StringComparer.Ordinal);
    public Dictionary<string, (long Amount, bool AllowPartial, DebitKind Kind)> DebitRequests { get; } =
        new(StringComparer.Ordinal);
    public Dictionary<string, string> DebitOrders { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (long Credited, long Forfeited)> Refunds { get; } = new(StringComparer.Ordinal);

    /// <summary>What each applied refund asked for: a later message asking otherwise under its id is refused.</summary>
    public Dictionary<string, (string OrderId, long Amount, RefundOrigin Origin)> RefundRequests { get; } =
        new(StringComparer.Ordinal);

    /// <summary>What each order took and has not had back: gift, and each lot with its expiry.</summary>
    public Dictionary<string, (long Gift, Dictionary<string, (long Amount, DateTimeOffset ExpiresAt)> Lots)>
        Orders { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Grants { get; } = new(StringComparer.Ordinal);

    public long Total => Gift + Lots.Values.Sum(l => l.Amount);

    public void Credit(long amount)
    {
        Gift += amount;
        CreditedIn += amount;
        HasEntries = true;
    }

    public void Grant(string lotId, long amount, DateTimeOffset expiresAt)
    {
        Lots.Add(lotId, (amount, expiresAt));
        Grants.Add(lotId, amount);
        CreditedIn += amount;
        HasEntries = true;
    }

    /// <summary>The split a debit should make, or null for insufficient funds; applies it when it succeeds.</summary>
    public (long Applied, long FromPromotional, long FromGift)? Debit(
        string key, string orderId, (long Amount, bool AllowPartial, DebitKind Kind) request, bool giftAllowed,
        DateTimeOffset now)
    {
        var (amount, allowPartial, _) = request;
        var spendable = Lots.Where(l => l.Value.ExpiresAt > now)
            .OrderBy(l => l.Value.ExpiresAt).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var available = spendable.Sum(l => l.Value.Amount) + (giftAllowed ? Gift : 0);
        if (available == 0 || (available < amount && !allowPartial)) return null;

        var applied = Math.Min(amount, available);
        var left = applied;
        var order = Orders.TryGetValue(orderId, out var paid)
            ? paid
            : (0, new Dictionary<string, (long, DateTimeOffset)>(StringComparer.Ordinal));
        foreach (var (lotId, lot) in spendable)
        {
            var take = Math.Min(left, lot.Amount);
            left -= take;
            if (lot.Amount == take) Lots.Remove(lotId);
            else Lots[lotId] = (lot.Amount - take, lot.ExpiresAt);
            order.Lots[lotId] = (order.Lots.GetValueOrDefault(lotId).Amount + take, lot.ExpiresAt);
            if (left == 0) break;
        }
        Gift -= left;
        Orders[orderId] = (order.Gift + left, order.Lots);
        DebitedOut += applied;
        var split = (applied, applied - left, left);
        Debits.Add(key, split);
        DebitRequests.Add(key, request);
        DebitOrders.Add(key, orderId);
        return split;
    }

    public long LeftToRefund(string orderId) =>
        Orders.TryGetValue(orderId, out var order) ? order.Gift + order.Lots.Values.Sum(l => l.Amount) : 0;

    /// <summary>
    /// What a refund should credit and forfeit, or null when it cannot be applied; applies it when it can. From
    /// balance: gift first, then the order's lots latest expiry first, a lot that expires by
    /// <paramref name="forfeitBefore"/> (now plus the minimum lead) forfeited.
    /// </summary>
    public (long Credited, long Forfeited)? Refund(
        string refundId, string orderId, long amount, RefundOrigin origin, DateTimeOffset forfeitBefore)
    {
        if (origin == RefundOrigin.External)
        {
            Credit(amount);
            Refunds.Add(refundId, (amount, 0));
            RefundRequests.Add(refundId, (orderId, amount, origin));
            return (amount, 0);
        }
        if (!Orders.TryGetValue(orderId, out var order) || amount > LeftToRefund(orderId)) return null;
        var gift = Math.Min(amount, order.Gift);
        var (rest, credited, forfeited) = (amount - gift, gift, 0L);
        foreach (var (lotId, lot) in order.Lots
            .OrderByDescending(l => l.Value.ExpiresAt)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList())
        {
            if (rest == 0) break;
            var part = Math.Min(rest, lot.Amount);
            rest -= part;
            if (lot.Amount == part) order.Lots.Remove(lotId);
            else order.Lots[lotId] = (lot.Amount - part, lot.ExpiresAt);
            if (lot.ExpiresAt <= forfeitBefore)
            {
                forfeited += part;
                continue;
            }
            Lots[lotId] = (Lots.GetValueOrDefault(lotId).Amount + part, lot.ExpiresAt);
            credited += part;
        }
        Orders[orderId] = (order.Gift - gift, order.Lots);
        Gift += gift;
        CreditedIn += credited;
        Refunds.Add(refundId, (credited, forfeited));
        RefundRequests.Add(refundId, (orderId, amount, origin));
        return (credited, forfeited);
    }

    /// <summary>Removes every lot due by <paramref name="now"/>; the amount removed.</summary>
    public long Expire(DateTimeOffset now)
    {
        var due = Lots.Where(l => l.Value.ExpiresAt <= now).ToList();
        foreach (var (lotId, _) in due) Lots.Remove(lotId);
        var expired = due.Sum(l => l.Value.Amount);
        ExpiredOut += expired;
        return expired;
    }
}
