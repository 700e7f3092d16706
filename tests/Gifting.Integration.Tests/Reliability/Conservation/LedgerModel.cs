namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// A tiny pure model of what a history should leave: each shopper's gift and promotional lots, each batch card's
/// state, each org's funding, each order line's state, and the totals of accepted operations that flow in (the left
/// side of <see cref="ConservationCheck"/>). Time is counted in slots of ten minutes: a lot of slot k is live while
/// fewer than k slots have passed, and a refund forfeits what it would give back to a lot whose slot has passed.
/// </summary>
internal sealed class LedgerModel(int accounts, int orgs, ModelBug bug = ModelBug.None)
{
    public ModelAccount[] Accounts { get; } = Enumerable.Range(0, accounts).Select(_ => new ModelAccount()).ToArray();
    public long[] Funding { get; } = new long[orgs];
    public List<ModelCard> Cards { get; } = [];
    public List<ModelOrder> Orders { get; } = [];

    /// <summary>Slots passed since the history began.</summary>
    public int Now { get; private set; }

    public long Issued { get; private set; }
    public long Granted { get; private set; }
    public long Funded { get; private set; }
    public long Reloaded { get; private set; }
    public long AdjustedNet { get; private set; }
    public long ReversedNet { get; private set; }
    public long RefundedExternally { get; private set; }

    public void Issue(int count, long value)
    {
        for (var i = 0; i < count; i++) Cards.Add(new ModelCard(value));
        Issued += count * value;
    }

    /// <summary>Redeems a batch card; answers the card's state before.</summary>
    public CardState Redeem(int card, int account)
    {
        var state = Cards[card].State;
        if (state != CardState.Active) return state;
        Cards[card].State = CardState.Redeemed;
        Accounts[account].Gift += Cards[card].Value;
        return state;
    }

    public CardState CancelCard(int card)
    {
        var state = Cards[card].State;
        if (state == CardState.Active) Cards[card].State = CardState.Cancelled;
        return state;
    }

    /// <summary>What a debit applies (0: refused), spending live lots soonest first, then gift.</summary>
    public long Debit(int account, int order, long amount, bool partial)
    {
        var a = Accounts[account];
        var available = a.Total(Now);
        if (available == 0 || (available < amount && !partial)) return 0;
        var rest = Math.Min(amount, available);
        var applied = rest;
        while (a.Orders.Count <= order) a.Orders.Add(new OrderTake());
        var take = a.Orders[order];
        foreach (var slot in a.Lots.Keys.Where(k => k > Now).ToList())
        {
            var part = Math.Min(rest, a.Lots[slot]);
            a.Lots[slot] -= part;
            take.Lots[slot] = take.Lots.GetValueOrDefault(slot) + part;
            rest -= part;
        }
        a.Gift -= rest;
        take.Gift += rest;
        return applied;
    }

    /// <summary>A refund from balance of an order: what goes back, or null when it is refused.</summary>
    public long? RefundFromBalance(int account, int order, long amount)
    {
        var a = Accounts[account];
        if (order >= a.Orders.Count || amount > a.Orders[order].Left) return null;
        var take = a.Orders[order];
        var gift = Math.Min(amount, take.Gift - take.GiftBack);
        take.GiftBack += gift;
        a.Gift += gift;
        var rest = amount - gift;
        var back = gift;
        foreach (var slot in take.Lots.Keys.OrderByDescending(k => k).ToList())
        {
            var part = Math.Min(rest, take.Lots[slot] - take.LotsBack.GetValueOrDefault(slot));
            if (part <= 0) continue;
            take.LotsBack[slot] = take.LotsBack.GetValueOrDefault(slot) + part;
            rest -= part;
            if (slot <= Now) continue;
            a.Lots[slot] = a.Lots.GetValueOrDefault(slot) + part;
            back += part;
        }
        return back;
    }

    public void RefundExternal(int account, long amount)
    {
        Accounts[account].Gift += amount;
        RefundedExternally += amount;
    }

    public void Grant(int account, long amount, int slot)
    {
        Accounts[account].Open();
        var lots = Accounts[account].Lots;
        lots[slot] = lots.GetValueOrDefault(slot) + amount;
        Granted += amount;
    }

    /// <summary>Moves time on; the expiry timer then takes every lot whose slot has passed.</summary>
    public void Advance(int slots) => Now += slots;

    public void Expire()
    {
        foreach (var a in Accounts)
            foreach (var slot in a.Lots.Keys.Where(k => k <= Now).ToList())
                a.Lots.Remove(slot);
    }

    public bool Adjust(int account, bool credit, long amount)
    {
        var a = Accounts[account];
        if (!credit && a.Gift < amount) return false;
        var signed = credit ? amount : -amount;
        a.Gift += signed;
        a.Reversibles.Add(new Reversible(signed));
        AdjustedNet += signed;
        return true;
    }

    public void Reload(int account, long amount)
    {
        var a = Accounts[account];
        a.Gift += bug == ModelBug.ReloadCreditedTwice ? 2 * amount : amount;
        a.Reversibles.Add(new Reversible(amount));
        Reloaded += amount;
    }

    public ReversalOutcome Reverse(int account, int entry)
    {
        var a = Accounts[account];
        var r = a.Reversibles[entry];
        if (r.Reversed) return ReversalOutcome.AlreadyReversed;
        if (a.Gift - r.Signed < 0) return ReversalOutcome.NotReversible;
        r.Reversed = true;
        a.Gift -= r.Signed;
        ReversedNet -= r.Signed;
        return ReversalOutcome.Reversed;
    }

    public void Fund(int org, long amount)
    {
        Funding[org] += amount;
        Funded += amount;
    }

    /// <summary>Takes an order in when its org's funding covers it.</summary>
    public bool PlaceOrder(int org, long[] amounts, bool issueNow)
    {
        if (Funding[org] < amounts.Sum()) return false;
        Funding[org] -= amounts.Sum();
        Orders.Add(new ModelOrder(org, amounts));
        if (issueNow) IssueLines();
        return true;
    }

    /// <summary>The chunk messages handled: pending lines of orders not cancelled get their cards.</summary>
    public void IssueLines()
    {
        foreach (var order in Orders.Where(o => !o.Cancelled))
            for (var i = 0; i < order.Lines.Length; i++)
                if (order.Lines[i] == LineState.Pending) order.Lines[i] = LineState.Issued;
    }

    public bool RedeemLine(int order, int line, int account)
    {
        var o = Orders[order];
        if (o.Lines[line] != LineState.Issued) return false;
        o.Lines[line] = LineState.Redeemed;
        Accounts[account].Gift += o.Amounts[line];
        return true;
    }

    /// <summary>Cancels an order: once its chunk messages are handled, unredeemed lines' value is funding.</summary>
    public void CancelOrder(int order)
    {
        var o = Orders[order];
        o.Cancelled = true;
        for (var i = 0; i < o.Lines.Length; i++)
        {
            if (o.Lines[i] is LineState.Redeemed or LineState.Cancelled) continue;
            o.Lines[i] = LineState.Cancelled;
            Funding[o.Org] += o.Amounts[i];
        }
    }
}

/// <summary>A batch card as the model sees it.</summary>
internal sealed class ModelCard(long value)
{
    public long Value { get; } = value;
    public CardState State { get; set; } = CardState.Active;
}

/// <summary>An order as the model sees it: its org, its lines' values and states.</summary>
internal sealed class ModelOrder(int org, long[] amounts)
{
    public int Org { get; } = org;
    public long[] Amounts { get; } = amounts;
    public LineState[] Lines { get; } = amounts.Select(_ => LineState.Pending).ToArray();
    public bool Cancelled { get; set; }
}

internal enum CardState { Active, Redeemed, Cancelled }

internal enum LineState { Pending, Issued, Redeemed, Cancelled }

internal enum ReversalOutcome { Reversed, AlreadyReversed, NotReversible }
