using Gifting.Core.Links;
using Gifting.Core.Orders;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>Corporate orders: intake, chunk issuance and delivery, one-click redemption, cancellation.</summary>
internal sealed partial class HistoryRun
{
    private async Task PlaceOrderAsync(Step step)
    {
        var org = step.A % OrgCount;
        var amounts = Enumerable.Range(0, step.A % 3 + 1).Select(i => (step.B + 1) * 10_00L + i * 1_00L).ToArray();
        var body = new
        {
            externalRef = "cons", marketplace = Market, senderName = "Conservation",
            lines = amounts.Select((amount, i) => new
            {
                recipientName = $"R{i}", email = $"r{i}@example.com", channel = "email", amount = Money(amount),
            }),
        };
        var key = Api.NewId("cons-place");
        var answer = await Post(_buyers[org], "/api/orders", body, key);
        var issueNow = step.C % 2 == 1;
        var accepted = Model.PlaceOrder(org, amounts, false);
        Expect(answer.Status == (accepted ? 202 : 422), $"order of {amounts.Sum()} answered {answer}");
        if (answer.Status == 202) _orders.Add(answer.Body.GetProperty("orderId").GetString()!);
        else if (accepted) Model.Orders.RemoveAt(Model.Orders.Count - 1);
        if (step.Replay)
        {
            var again = await Post(_buyers[org], "/api/orders", body, key);
            Expect(again.Status == answer.Status, $"order replay answered {again}, first {answer}");
        }
        if (issueNow) await HandleChunksAsync();
    }

    private async Task DeliverAsync()
    {
        await HandleChunksAsync();
        var deliveries = _app.Orders.Deliveries.ToList();
        _app.Orders.Deliveries.Clear();
        foreach (var message in deliveries)
        {
            var answer = await Answer.ReadAsync(_handler.InvokeAsync("DeliverGift", HostPayloads.ServiceBus(
                "message", System.Text.Encoding.UTF8.GetString(message.Body.Span), message.MessageId)));
            Expect(answer.Status == 200, $"delivery answered {answer}");
        }
    }

    /// <summary>Every chunk message sent so far handled; the link of each line that got its card kept.</summary>
    private async Task HandleChunksAsync()
    {
        await _app.Orders.DeliverChunksAsync();
        Model.IssueLines();
        _touchedOrders.UnionWith(Enumerable.Range(0, _orders.Count));
        var store = _app.Orders.App.Services.GetRequiredService<IOrderStore>();
        var links = _app.Orders.App.Services.GetRequiredService<LinkTokens>();
        for (var o = 0; o < _orders.Count; o++)
            for (var line = 0; line < Model.Orders[o].Lines.Length; line++)
            {
                if (_tokens.ContainsKey((o, line)) || Model.Orders[o].Lines[line] != LineState.Issued) continue;
                var stored = await store.ReadLineAsync(_orders[o], line, CancellationToken.None);
                if (stored?.Line.SealedLink is not null) _tokens[(o, line)] = links.Open(stored.Line);
            }
    }

    private async Task RedeemLineAsync(int pick, int account, bool replay)
    {
        var lines = _tokens.Keys.OrderBy(k => k.Order).ThenBy(k => k.Line).ToList();
        if (lines.Count == 0) return;
        var (order, line) = lines[pick % lines.Count];
        var key = Api.NewId("cons-link");
        _touchedOrders.Add(order);
        var send = () => Post(_customers[account], "/api/redemptions", new { linkToken = _tokens[(order, line)] }, key);
        var answer = await send();
        var state = Model.Orders[order].Lines[line];
        var credited = Model.RedeemLine(order, line, account);
        var expected = credited ? 200 : state == LineState.Redeemed ? 409 : 400;
        Expect(answer.Status == expected, $"link of order #{order} line {line} ({state}) answered {answer}");
        if (!replay) return;
        var again = await send();
        Expect(again.Status == answer.Status, $"link replay answered {again}, first {answer}");
    }

    private async Task CancelOrderAsync(int order, bool twice)
    {
        var org = Model.Orders[order].Org;
        var path = $"/api/orders/{_orders[order]}/cancellation";
        for (var i = 0; i < (twice ? 2 : 1); i++)
        {
            var answer = await Answer.ReadAsync(_buyers[org].PostAsync(path, null));
            Expect(answer.Status == 200, $"cancellation of order #{order} answered {answer}");
        }
        Model.CancelOrder(order);
        await HandleChunksAsync();
    }
}
