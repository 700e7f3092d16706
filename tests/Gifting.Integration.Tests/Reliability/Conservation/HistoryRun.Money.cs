using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>The steps that move a shopper's money: debits, refunds, grants, expiry, adjustments, reloads.</summary>
internal sealed partial class HistoryRun
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(10);

    /// <summary>The app's time when the history began: slot k is this plus k slots.</summary>
    public DateTimeOffset Start { get; init; }

    private async Task DebitAsync(int account, Step step)
    {
        var orders = _orderIds[account];
        var order = step.B % (orders.Count + 1);
        var orderId = order < orders.Count ? orders[order] : Api.NewId("cons-order");
        var amount = ((step.B * 7 + step.C * 3) % 10 + 1) * 4_00L;
        var foreign = step.C == 9;
        var partial = step.C is >= 6 and < 9;
        var body = new { orderId, amount = Money(amount, foreign ? "USD" : Currency), allowPartial = partial };
        var key = Api.NewId("cons-debit");
        var path = $"/api/accounts/{Accounts[account]}/debits";
        var sends = step.Replay ? 2 : 1;
        if (step.Replay) ConcurrentGroups++;
        var answers = await Task.WhenAll(Enumerable.Range(0, sends).Select(_ => Post(_checkout, path, body, key)));
        var applied = foreign ? 0 : Model.Debit(account, order, amount, partial);
        var expected = applied > 0 ? 201 : 422;
        Expect(answers.Any(a => a.Status == expected) && answers.All(a => a.Status == expected || a.Status == 409),
            $"debit of {amount} (expected {applied}) answered {string.Join(", ", answers.Select(a => a))}");
        var posted = answers.FirstOrDefault(a => a.Status == 201);
        if (posted is not null)
            Expect(posted.AmountOf("applied") == applied, $"debit applied {posted.AmountOf("applied")}, not {applied}");
        if (applied > 0 && order == orders.Count) orders.Add(orderId);
    }

    private async Task DebitBurstAsync(int account, int count, long amount)
    {
        ConcurrentGroups++;
        var orders = _orderIds[account];
        var orderId = Api.NewId("cons-order");
        var body = new { orderId, amount = Money(amount), allowPartial = false };
        var path = $"/api/accounts/{Accounts[account]}/debits";
        var answers = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(_ => Post(_checkout, path, body, Api.NewId("cons-burst"))));
        var landed = Enumerable.Range(0, count).Count(_ => Model.Debit(account, orders.Count, amount, false) > 0);
        Expect(answers.Count(a => a.Status == 201) == landed && answers.All(a => a.Status is 201 or 422),
            $"{count} debits of {amount} at once ({landed} expected) answered "
            + string.Join(", ", answers.Select(a => a)));
        if (landed > 0) orders.Add(orderId);
    }

    private async Task RefundAsync(int account, Step step)
    {
        var orders = _orderIds[account];
        var external = step.C == 9;
        string orderId;
        long amount;
        long? expected;
        if (external)
        {
            (orderId, amount) = (Api.NewId("cons-paid-elsewhere"), (step.B + 1) * 2_00L);
            expected = Model.Accounts[account].Opened ? amount : null;
        }
        else
        {
            var order = orders.Count == 0 ? 0 : step.B % orders.Count;
            var left = order < Model.Accounts[account].Orders.Count ? Model.Accounts[account].Orders[order].Left : 0;
            orderId = orders.Count == 0 ? Api.NewId("cons-no-order") : orders[order];
            amount = Math.Max(1, left * (step.C + 1) / 6);
            expected = orders.Count == 0 ? null : Model.RefundFromBalance(account, order, amount);
        }
        var body = JsonSerializer.Serialize(new
        {
            refundId = Api.NewId("cons-refund"), accountId = Accounts[account], orderId, amount = Money(amount),
            reason = "returned", origin = external ? "external" : "balance",
        });
        var copies = step.Replay ? 2 : 1;
        if (step.Replay) ConcurrentGroups++;
        var answers = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => Answer.ReadAsync(
            _handler.InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", body, Api.NewId("m"))))));
        Expect(answers.All(a => a.Status == 200),
            $"refund trigger answered {string.Join(", ", answers.Select(a => a))}");
        var rejected = answers.Any(a => a.Status == 200 && a.Body.GetProperty("Logs").EnumerateArray()
            .Any(l => l.GetString()!.StartsWith("Rejected", StringComparison.Ordinal)));
        if (external && !rejected) Model.RefundExternal(account, amount);
        Expect(rejected == (expected is null), $"refund of {amount} ({(external ? "external" : "balance")}) "
            + $"was {(rejected ? "rejected" : "applied")}, the model expected {expected?.ToString() ?? "rejection"}");
    }

    private async Task GrantAsync(int account, Step step)
    {
        var slot = Model.Now + 1 + step.C % 6;
        var amount = (step.B + 1) * 3_00L;
        var body = new
        {
            grantId = Api.NewId("cons-grant"), amount = Money(amount), expiresAt = Start + slot * Slot,
            reason = "conservation",
        };
        var path = $"/api/accounts/{Accounts[account]}/promotional-credits";
        var answer = await Post(_promotions, path, body);
        Expect(answer.Status == 201, $"grant answered {answer}");
        if (answer.Status == 201) Model.Grant(account, amount, slot);
        if (!step.Replay) return;
        var again = await Post(_promotions, path, body);
        Expect(again.Status == 201, $"repeated grant answered {again}");
    }

    private async Task ExpireAsync(int slots, bool twice)
    {
        slots = Math.Min(slots, MaxSlots - Model.Now);
        _app.Advance(slots * Slot);
        Model.Advance(slots);
        for (var run = 0; run < (twice ? 2 : 1); run++)
        {
            var answer = await Answer.ReadAsync(
                _handler.InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer")));
            Expect(answer.Status == 200, $"expiry run answered {answer}");
        }
        Model.Expire();
    }

    private async Task AdjustAsync(int account, bool credit, long amount, bool replay)
    {
        var body = new
        {
            adjustmentId = Api.NewId("cons-adj"), direction = credit ? "credit" : "debit", amount = Money(amount),
            reasonCode = "correction",
        };
        var path = $"/api/accounts/{Accounts[account]}/adjustments";
        var answer = await Post(_admin, path, body);
        var accepted = Model.Adjust(account, credit, amount);
        Expect(answer.Status == (accepted ? 201 : 422), $"{body.direction} adjustment of {amount} answered {answer}");
        if (answer.Status == 201) _entryIds[account].Add(answer.Body.GetProperty("id").GetString()!);
        else if (accepted) Model.Accounts[account].Reversibles.RemoveAt(Model.Accounts[account].Reversibles.Count - 1);
        if (!replay) return;
        var again = await Post(_admin, path, body);
        Expect(again.Status == answer.Status, $"repeated adjustment answered {again}, first {answer}");
    }

    private async Task ReloadAsync(int account, long amount, bool replay)
    {
        var body = new { paymentId = Api.NewId("cons-pay"), amount = Money(amount) };
        var path = $"/api/accounts/{Accounts[account]}/reloads";
        var answer = await Post(_checkout, path, body);
        Expect(answer.Status == 201, $"reload answered {answer}");
        if (answer.Status != 201) return;
        _entryIds[account].Add(answer.Body.GetProperty("id").GetString()!);
        Model.Reload(account, amount);
        if (!replay) return;
        var again = await Post(_checkout, path, body);
        Expect(again.Status == 201, $"repeated reload answered {again}");
    }

    private async Task ReverseAsync(int account, int entry, bool twice)
    {
        var path = $"/api/accounts/{Accounts[account]}/entries/{_entryIds[account][entry]}/reversal";
        if (twice) ConcurrentGroups++;
        var answers = await Task.WhenAll(Enumerable.Range(0, twice ? 2 : 1)
            .Select(_ => Post(_admin, path, new { reason = "conservation" })));
        var outcome = Model.Reverse(account, entry);
        var first = outcome switch
        {
            ReversalOutcome.Reversed => 201,
            ReversalOutcome.AlreadyReversed => 409,
            _ => 422,
        };
        var rest = outcome == ReversalOutcome.NotReversible ? 422 : 409;
        var statuses = answers.Select(a => a.Status).Order().ToList();
        var expected = new[] { first }.Concat(Enumerable.Repeat(rest, answers.Length - 1)).Order().ToList();
        Expect(statuses.SequenceEqual(expected),
            $"reversal of entry #{entry} ({outcome}) answered {string.Join(", ", answers.Select(a => a))}");
    }

    private async Task FundAsync(int org, long amount, bool replay)
    {
        var body = new { amount = Money(amount), reference = "conservation" };
        var key = Api.NewId("cons-fund");
        var answer = await Post(_admin, $"/api/orgs/{Orgs[org]}/funding", body, key);
        Expect(answer.Status == 201, $"funding answered {answer}");
        if (answer.Status == 201) Model.Fund(org, amount);
        if (!replay) return;
        var again = await Post(_admin, $"/api/orgs/{Orgs[org]}/funding", body, key);
        Expect(again.Status == 201 && again.Replayed, $"funding replay answered {again}");
    }
}
