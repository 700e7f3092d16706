using System.Text.Json;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// One history driven through the real API and triggers, beside the model: each step sends its requests, checks the
/// answers against what the model expects, and moves the model. Every history has accounts and orgs of its own.
/// </summary>
internal sealed partial class HistoryRun
{
    public const string Market = ConservationApp.Market;
    public const string Currency = ConservationApp.Currency;
    public const int AccountCount = 3;
    public const int OrgCount = 2;
    public const int MaxSlots = 18;

    private readonly ConservationApp _app;
    private readonly HttpClient _issuer, _admin, _support, _checkout, _promotions, _handler;
    private readonly HttpClient[] _customers, _buyers;
    private readonly List<(string Serial, string Code)> _cards = [];
    private readonly List<List<string>> _orderIds = [];
    private readonly List<List<string>> _entryIds = [];
    private readonly List<string> _orders = [];
    private readonly Dictionary<(int Order, int Line), string> _tokens = [];
    private readonly List<string> _problems = [];

    public HistoryRun(ConservationApp app, ModelBug bug)
    {
        _app = app;
        Model = new LedgerModel(AccountCount, OrgCount, bug);
        Accounts = Enumerable.Range(0, AccountCount).Select(_ => Api.NewId("cons-shopper")).ToArray();
        Orgs = Enumerable.Range(0, OrgCount).Select(_ => Api.NewId("cons-org")).ToArray();
        var web = app.Orders.App;
        _issuer = web.ClientFor("cons-issuer", "issuer", Market);
        _admin = web.ClientFor("cons-admin", "admin", Market);
        _support = web.ClientFor("cons-support", "support", Market);
        _checkout = web.ClientFor("cons-checkout", "checkout", Market);
        _promotions = web.ClientFor("cons-promo", "promotions", Market);
        _handler = web.CreateClient();
        _customers = Accounts.Select(a => web.ClientFor(a, "customer", Market)).ToArray();
        _buyers = Orgs.Select(o => web.ClientFor("cons-buyer", "corporate", Market, o)).ToArray();
        foreach (var _ in Accounts)
        {
            _orderIds.Add([]);
            _entryIds.Add([]);
        }
    }

    public LedgerModel Model { get; }
    public string[] Accounts { get; }
    public string[] Orgs { get; }

    /// <summary>Steps that sent requests at once (races), counted for the report.</summary>
    public int ConcurrentGroups { get; private set; }

    /// <summary>Runs one step; answers what it saw that the model did not expect (empty when all agreed).</summary>
    public async Task<IReadOnlyList<string>> ExecAsync(Step step)
    {
        _problems.Clear();
        var account = step.A % AccountCount;
        switch (step.Op)
        {
            case Op.Issue: await IssueAsync(step); break;
            case Op.Redeem when _cards.Count > 0: await RedeemAsync(step.A % _cards.Count, step.B % AccountCount,
                step.Replay); break;
            case Op.RedeemRace when _cards.Count > 0: await RedeemRaceAsync(step.A % _cards.Count); break;
            case Op.Debit: await DebitAsync(account, step); break;
            case Op.DebitBurst: await DebitBurstAsync(step.B % AccountCount, step.A % 4 + 2, (step.C + 1) * 5_00L);
                break;
            case Op.Refund: await RefundAsync(account, step); break;
            case Op.Grant: await GrantAsync(account, step); break;
            case Op.Expire: await ExpireAsync(step.A % 3, step.Replay); break;
            case Op.Adjust: await AdjustAsync(account, step.C % 2 == 0, (step.B + 1) * 5_00L, step.Replay); break;
            case Op.Reverse when _entryIds[account].Count > 0:
                await ReverseAsync(account, step.B % _entryIds[account].Count, step.Replay); break;
            case Op.Reload: await ReloadAsync(account, (step.B + 1) * 9_00L, step.Replay); break;
            case Op.Fund: await FundAsync(step.A % OrgCount, (step.B + 1) * 50_00L, step.Replay); break;
            case Op.PlaceOrder: await PlaceOrderAsync(step); break;
            case Op.Deliver: await DeliverAsync(); break;
            case Op.RedeemLine: await RedeemLineAsync(step.A, step.B % AccountCount, step.Replay); break;
            case Op.CancelCard when _cards.Count > 0: await CancelCardAsync(step.A % _cards.Count, step.Replay);
                break;
            case Op.CancelOrder when _orders.Count > 0: await CancelOrderAsync(step.A % _orders.Count, step.Replay);
                break;
        }
        return [.. _problems];
    }

    private void Expect(bool holds, string what)
    {
        if (!holds) _problems.Add(what);
    }

    private static Task<Answer> Post(HttpClient client, string path, object body, string? key = null) =>
        Answer.ReadAsync(client.PostJsonAsync(path, body, key));

    private static object Money(long amount, string currency = Currency) => new { amount, currency };

    private async Task IssueAsync(Step step)
    {
        var count = step.A % 3 + 1;
        var value = (step.B + 1) * 10_00L;
        var key = Api.NewId("cons-issue");
        var body = new { count, value = Money(value), marketplace = Market, kind = "digital", activated = true };
        var first = await Post(_issuer, "/api/cards", body, key);
        Expect(first.Status == 201, $"issue answered {first}");
        if (first.Status != 201) return;
        foreach (var card in first.Body.GetProperty("cards").EnumerateArray())
            _cards.Add((card.GetProperty("serial").GetString()!, card.GetProperty("code").GetString()!));
        Model.Issue(count, value);
        if (!step.Replay) return;
        var again = await Post(_issuer, "/api/cards", body, key);
        Expect(again.Status == 201 && again.Replayed, $"issue replay answered {again}");
    }

    private async Task<Answer> RedeemOnceAsync(int card, int account, string? key) =>
        await Answer.ReadAsync(_customers[account].RedeemAsync(_cards[card].Code, key));

    private async Task RedeemAsync(int card, int account, bool replay)
    {
        var key = Api.NewId("cons-redeem");
        _touchedCards.Add(card);
        var answer = await RedeemOnceAsync(card, account, key);
        var before = Model.Redeem(card, account);
        Expect(answer.Status == RedeemStatus(before), $"redeem of card #{card} ({before}) answered {answer}");
        if (!replay) return;
        var again = await RedeemOnceAsync(card, account, key);
        Expect(again.Status == answer.Status, $"redeem replay answered {again}, first {answer}");
    }

    private static int RedeemStatus(CardState before) => before switch
    {
        CardState.Active => 200,
        CardState.Redeemed => 409,
        _ => 400,
    };

    private async Task RedeemRaceAsync(int card)
    {
        ConcurrentGroups++;
        _touchedCards.Add(card);
        var answers = await Task.WhenAll(Enumerable.Range(0, AccountCount)
            .Select(a => RedeemOnceAsync(card, a, Api.NewId("cons-race"))));
        var winners = Enumerable.Range(0, AccountCount).Where(a => answers[a].Status == 200).ToList();
        var active = Model.Cards[card].State == CardState.Active;
        Expect(winners.Count == (active ? 1 : 0),
            $"race for card #{card} ({Model.Cards[card].State}) answered {string.Join(", ", answers.Select(a => a))}");
        if (winners.Count == 1) Model.Redeem(card, winners[0]);
    }

    private async Task CancelCardAsync(int card, bool replay)
    {
        var serial = _cards[card].Serial;
        _touchedCards.Add(card);
        var answer = await Answer.ReadAsync(_admin.PostAsync($"/api/cards/{serial}/cancellation", null));
        var before = Model.CancelCard(card);
        Expect(answer.Status == (before == CardState.Redeemed ? 409 : 200),
            $"cancellation of card #{card} ({before}) answered {answer}");
        if (!replay) return;
        var again = await Answer.ReadAsync(_admin.PostAsync($"/api/cards/{serial}/cancellation", null));
        Expect(again.Status == answer.Status, $"repeated cancellation answered {again}, first {answer}");
    }

}
