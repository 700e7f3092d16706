using System.Net;
using System.Text.Json;
using Gifting.Integration.Tests.Orders;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// The timers under at-least-once firing: <c>ExpirePromotionalCredits</c>, <c>SweepRedemptions</c> and
/// <c>SweepOrders</c> fired four at once (overlapping runs), fired again for the same slot, and fired after a run
/// stopped at one of its writes. Each lot expires once, each stranded redemption is credited once, each stranded
/// order's chunks go out and issue each line once; every firing that was not stopped answers 200.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class TimerAtLeastOnceTests(CosmosFixture cosmos, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly WriteFaults _faults = new();
    private OrderRig _rig = null!;

    public async Task InitializeAsync() =>
        _rig = await OrderRig.StartAsync(cosmos, services => CosmosSeams.Install(services, cosmos, _faults),
            new Dictionary<string, string>
            {
                ["Promotions:MinimumLead"] = "00:00:01",
                ["Promotions:ExpiryMaxLotsPerRun"] = "50",
                ["Redemption:SweepAfter"] = "00:00:00",
            });

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task ExpirePromotionalCredits_OverlappingRefiredAndAfterAStoppedRun_ExpiresEachLotOnce()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, ReliabilityRun.Cases(8, 60)).Select(_ => Api.NewId("shopper")).ToList();
        var promotions = _rig.App.ClientFor("promo-1", "promotions");
        var lots = new Dictionary<string, (int Count, long Total)>();
        foreach (var account in accounts)
        {
            var count = 1 + random.Next(3);
            long total = 0;
            for (var i = 0; i < count; i++)
            {
                var amount = 100 + random.Next(900);
                total += amount;
                using var granted = await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits",
                    new
                    {
                        grantId = Api.NewId("grant"), amount = new { amount, currency = "USD" },
                        // Well past the least lead the app accepts, however slow the request; the clock is then
                        // moved past every expiry.
                        expiresAt = _rig.Clock.GetUtcNow().AddSeconds(10 + i), reason = "launch",
                    });
                Assert.Equal(201, (int)granted.StatusCode);
            }
            lots[account] = (count, total);
        }
        _rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var (cases, faults, violations) = await FireAsync("ExpirePromotionalCredits", random);
        foreach (var account in accounts)
        {
            var balance = await LedgerAudit.BalanceAsync(_rig.App, account);
            violations.AddRange(await LedgerAudit.ViolationsAsync(cosmos, account, balance));
            var entries = await LedgerAudit.EntriesAsync(cosmos, account);
            var expired = entries.Where(e => LedgerAudit.Type(e) == "promo_expiry")
                .Sum(e => Math.Abs(e.GetProperty("amount").GetProperty("amount").GetInt64()));
            if (LedgerAudit.Count(entries, "promo_expiry") != lots[account].Count || expired != lots[account].Total)
                violations.Add($"{account}: expired {expired} in {LedgerAudit.Count(entries, "promo_expiry")} "
                    + $"entries, expected {lots[account].Total} in {lots[account].Count}");
        }

        ReliabilityReport.Record(output, "at-least-once", "ExpirePromotionalCredits: overlap, re-fire, stopped run",
            cases, faults, violations.Count, seed);
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    [Fact]
    public async Task SweepRedemptions_OverlappingRefiredAndAfterAStoppedRun_CreditsEachRedemptionOnce()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var issuer = _rig.App.ClientFor("issuer-1", "issuer");
        var stranded = new List<(string Account, HttpClient Shopper, string Code, string Serial, long Value)>();
        long cases = 0, faults = 0;
        var count = ReliabilityRun.Cases(6, 40);
        for (var i = 0; i < count; i++)
        {
            var value = 500 + random.Next(5000);
            var card = (await issuer.IssueAsync(amount: value))[0];
            var account = Api.NewId("shopper");
            var shopper = _rig.App.ClientFor(account, "customer");
            var code = card.GetProperty("code").GetString()!;
            // Each redemption stops at another of its writes, so the sweeper meets every half-done state there is.
            _faults.Arm(1 + i % 8, WriteFault.CrashAfter);
            using var stopped = await shopper.RedeemAsync(code);
            faults += _faults.Fired ? 1 : 0;
            _faults.Disarm();
            cases++;
            stranded.Add((account, shopper, code, card.GetProperty("serial").GetString()!, value));
        }

        var (fired, stoppedRuns, violations) = await FireAsync("SweepRedemptions", random);
        cases += fired;
        faults += stoppedRuns;
        var support = _rig.App.ClientFor("support-1", "support");
        foreach (var (account, shopper, code, serial, value) in stranded)
        {
            var status = (await (await support.GetAsync($"/api/cards/{serial}")).JsonAsync())
                .GetProperty("status").GetString();
            var gift = await shopper.GiftBalanceAsync();
            if (status is not ("active" or "redeemed")) violations.Add($"{serial[..4]}: left {status} after sweeps");
            if ((status == "redeemed") != (gift == value))
                violations.Add($"{account}: card {status} with gift balance {gift} of {value}");
            // The shopper comes back: a card never claimed is redeemed now, one already credited says so.
            using var retried = await shopper.RedeemAsync(code);
            cases++;
            if ((int)retried.StatusCode is not (200 or 409))
                violations.Add($"{account}: the retry answered {(int)retried.StatusCode}");
            var balance = await LedgerAudit.BalanceAsync(_rig.App, account);
            violations.AddRange(await LedgerAudit.ViolationsAsync(cosmos, account, balance));
            var entries = await LedgerAudit.EntriesAsync(cosmos, account);
            if (LedgerAudit.Count(entries, "redemption") != 1 || await shopper.GiftBalanceAsync() != value)
                violations.Add($"{account}: {LedgerAudit.Count(entries, "redemption")} redemptions, "
                    + $"balance {await shopper.GiftBalanceAsync()} of {value}");
        }

        ReliabilityReport.Record(output, "at-least-once", "SweepRedemptions: overlap, re-fire, stopped run",
            cases, faults, violations.Count, seed);
        Assert.True(faults > 0, "No redemption was stopped.");
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    [Fact]
    public async Task SweepOrders_OverlappingRefiredAndAfterAStoppedRun_IssuesEachStrandedOrderOnce()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var orders = new List<OrderRig.PlacedOrder>();
        long faults = 0;
        for (var i = 0; i < ReliabilityRun.Cases(3, 12); i++)
        {
            // The broker refuses the chunk messages: the order is accepted and left to the sweeper.
            _rig.Orders.Publisher.FailNext();
            orders.Add(await _rig.PlaceAsync(lines: 2 + random.Next(4)));
            faults++;
        }
        if (_rig.Orders.Publisher.Sent.Any(m => orders.Any(o => m.MessageId.StartsWith(o.OrderId,
                StringComparison.Ordinal))))
            Assert.Fail("A chunk message went out although the broker refused it.");

        var (cases, stopped, violations) = await FireAsync("SweepOrders", random);
        faults += stopped;
        var chunks = _rig.Orders.Publisher.Sent.Where(m => m.Queue == OrderApp.OrderChunkQueue
            && orders.Any(o => m.MessageId.StartsWith(o.OrderId, StringComparison.Ordinal))).ToList();
        foreach (var order in orders.Where(o => !chunks.Any(c => c.MessageId.StartsWith(o.OrderId,
                     StringComparison.Ordinal))))
            violations.Add($"{order.OrderId[..8]}: no chunk message after the sweeps");
        cases += await _rig.Orders.DeliverChunksAsync();
        foreach (var order in orders) violations.AddRange(await _rig.ViolationsAsync(order, delivered: false));

        ReliabilityReport.Record(output, "at-least-once", "SweepOrders: overlap, re-fire, stopped run",
            cases, faults, violations.Count, seed);
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    /// <summary>
    /// Fires <paramref name="function"/> as its schedule and retries would: a run stopped at one of its first
    /// writes (then fired again, as the retry policy or the next minute does), four overlapping runs, and two
    /// re-fires of the same slot. Any firing not stopped must answer 200.
    /// </summary>
    private async Task<(long Cases, long Faults, List<string> Violations)> FireAsync(string function, Random random)
    {
        var handler = _rig.App.CreateClient();
        var violations = new List<string>();
        long cases = 0, faults = 0;
        var payload = HostPayloads.Timer("timer");
        foreach (var fault in new[] { WriteFault.CrashAfter, WriteFault.RefuseBefore })
        {
            _faults.Arm(1 + random.Next(3), fault);
            using var stopped = await handler.InvokeAsync(function, payload);
            cases++;
            if (_faults.Fired)
            {
                faults++;
                if (stopped.IsSuccessStatusCode) violations.Add($"{function}: a stopped run answered 200");
            }
            _faults.Disarm();
        }
        var overlapping = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => handler.InvokeAsync(function, payload)));
        cases += overlapping.Length;
        violations.AddRange(overlapping.Where(r => r.StatusCode != HttpStatusCode.OK)
            .Select(r => $"{function}: an overlapping run answered {(int)r.StatusCode}"));
        // Re-fires of the same slot, until a run reports nothing left for the next one.
        for (var i = 0; i < 12; i++)
        {
            using var again = await handler.InvokeAsync(function, payload);
            cases++;
            if (again.StatusCode != HttpStatusCode.OK)
            {
                violations.Add($"{function}: a re-fire answered {(int)again.StatusCode}");
                continue;
            }
            var logs = string.Join(" ", (await again.JsonAsync()).GetProperty("Logs").EnumerateArray()
                .Select(l => l.GetString()));
            if (i >= 1 && !logs.Contains("carries on", StringComparison.Ordinal)) break;
        }
        return (cases, faults, violations);
    }
}
