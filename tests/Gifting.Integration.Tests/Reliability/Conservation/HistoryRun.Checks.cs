namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// What is checked after every step: each account's and org's balance against the model and against its own
/// ledger, each card's and line's state against the model, and conservation (<see cref="ConservationCheck"/>).
/// Cards and lines are read again when the step touched them and in full every few steps; balances, funding and
/// ledgers every step.
/// </summary>
internal sealed partial class HistoryRun
{
    private readonly List<string> _cardStatus = [];
    private readonly Dictionary<int, string[]> _lineStatus = [];

    /// <summary>The check after a step; answers every disagreement found.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(bool everything)
    {
        var problems = new List<string>();
        var containers = _app.Containers;
        long balances = 0, spent = 0, expired = 0, funding = 0;
        for (var a = 0; a < AccountCount; a++)
        {
            var balance = await Answer.ReadAsync(_support.GetAsync($"/api/accounts/{Accounts[a]}/balance"));
            var (gift, promotional) = (balance.AmountOf("gift"), balance.AmountOf("promotional"));
            var model = Model.Accounts[a];
            if (gift != model.Gift || promotional != model.Promotional(Model.Now))
                problems.Add($"account {a}: gift {gift}, promotional {promotional}; the model has "
                    + $"{model.Gift}, {model.Promotional(Model.Now)}");
            var ledger = await LedgerSums.ReadAsync(containers.Ledger, Accounts[a]);
            if (ledger.Latest != ledger.Recomputed || !ledger.Gapless || ledger.Latest != gift + promotional)
                problems.Add($"account {a}: balance {gift + promotional}, latest entry {ledger.Latest}, entries sum "
                    + $"to {ledger.Recomputed}{(ledger.Gapless ? "" : ", sequence has gaps")}");
            balances += gift + promotional;
            spent += ledger.Spent;
            expired += ledger.Expired;
        }
        for (var o = 0; o < OrgCount; o++)
        {
            var available = (await Answer.ReadAsync(_buyers[o].GetAsync("/api/funding"))).AmountOf("available");
            var ledger = await LedgerSums.ReadAsync(containers.Funding, Orgs[o]);
            if (available != Model.Funding[o] || ledger.Latest != available || ledger.Recomputed != available)
                problems.Add($"org {o}: funding {available}, latest entry {ledger.Latest}, entries sum to "
                    + $"{ledger.Recomputed}; the model has {Model.Funding[o]}");
            funding += available;
        }
        var (unredeemed, cancelled, held) = await CardsAsync(everything, problems);
        var (lineValue, inIssuance) = await LinesAsync(everything, problems);
        var check = new ConservationCheck(Model.Issued, Model.Granted, Model.Funded, Model.Reloaded,
            Model.AdjustedNet, Model.ReversedNet, Model.RefundedExternally, balances, unredeemed + lineValue,
            inIssuance, funding, spent, expired, cancelled, held);
        if (!check.Holds) problems.Add($"conservation: {check}");
        _touchedCards.Clear();
        _touchedOrders.Clear();
        return problems;
    }

    private readonly HashSet<int> _touchedCards = [];
    private readonly HashSet<int> _touchedOrders = [];

    private async Task<(long Unredeemed, long Cancelled, long Held)> CardsAsync(bool everything, List<string> problems)
    {
        for (var c = 0; c < _cards.Count; c++)
        {
            if (c < _cardStatus.Count && !everything && !_touchedCards.Contains(c)) continue;
            var card = await Answer.ReadAsync(_support.GetAsync($"/api/cards/{_cards[c].Serial}"));
            var status = card.Body.GetProperty("status").GetString()!;
            if (c < _cardStatus.Count) _cardStatus[c] = status;
            else _cardStatus.Add(status);
        }
        long unredeemed = 0, cancelled = 0, held = 0;
        for (var c = 0; c < _cards.Count; c++)
        {
            var expected = Model.Cards[c].State switch
            {
                CardState.Active => "active",
                CardState.Redeemed => "redeemed",
                _ => "cancelled",
            };
            if (_cardStatus[c] != expected) problems.Add($"card #{c}: {_cardStatus[c]}, the model has {expected}");
            var value = Model.Cards[c].Value;
            switch (_cardStatus[c])
            {
                case "active" or "inactive": unredeemed += value; break;
                case "cancelled": cancelled += value; break;
                case "held": held += value; break;
            }
        }
        return (unredeemed, cancelled, held);
    }

    private async Task<(long Issued, long Pending)> LinesAsync(bool everything, List<string> problems)
    {
        long issued = 0, pending = 0;
        for (var o = 0; o < _orders.Count; o++)
        {
            var order = Model.Orders[o];
            if (everything || _touchedOrders.Contains(o) || !_lineStatus.TryGetValue(o, out var statuses))
            {
                var lines = await Answer.ReadAsync(_buyers[order.Org].GetAsync($"/api/orders/{_orders[o]}/lines"));
                statuses = lines.Body.GetProperty("items").EnumerateArray()
                    .Select(l => l.GetProperty("status").GetString()!).ToArray();
                _lineStatus[o] = statuses;
            }
            if (statuses.Length != order.Lines.Length)
            {
                problems.Add($"order #{o}: {statuses.Length} lines, the model has {order.Lines.Length}");
                continue;
            }
            for (var i = 0; i < statuses.Length; i++)
            {
                var state = statuses[i] switch
                {
                    "pending" => LineState.Pending,
                    "scheduled" or "sent" or "failed" => LineState.Issued,
                    "redeemed" => LineState.Redeemed,
                    _ => LineState.Cancelled,
                };
                if (state != order.Lines[i])
                    problems.Add($"order #{o} line {i}: {statuses[i]}, the model has {order.Lines[i]}");
                if (state == LineState.Issued) issued += order.Amounts[i];
                if (state == LineState.Pending) pending += order.Amounts[i];
            }
        }
        return (issued, pending);
    }
}
