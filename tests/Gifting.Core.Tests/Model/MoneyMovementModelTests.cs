using Gifting.Core.Balances;
using Gifting.Core.Debits;
using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Core.Refunds;
using Gifting.Testing;

namespace Gifting.Core.Tests.Model;

/// <summary>
/// Thousands of random redemptions, debits, refunds, grants, expiry runs and clock moves across a few accounts, with
/// the ledger checked against <see cref="ReferenceAccount"/> after every step. Seeded, so a failure replays exactly.
/// </summary>
public sealed class MoneyMovementModelTests
{
    private const int Steps = 10_000;

    [Theory]
    [InlineData(20250314)]
    public async Task RandomOperations_KeepTheLedgerEqualToTheReferenceModel(int seed)
    {
        var random = new Random(seed);
        var core = TestCore.Create();
        var accounts = new[] { ("m-0", "US"), ("m-1", "US"), ("m-2", "US"), ("m-ca", "CA") }
            .Select(a => new ReferenceAccount(TestCore.Account(a.Item1), Marketplace.Parse(a.Item2))).ToList();
        // Which account each refund id went to first, across all accounts.
        var claims = new Dictionary<string, AccountId>(StringComparer.Ordinal);

        for (var step = 0; step < Steps; step++)
        {
            var account = accounts[random.Next(accounts.Count)];
            var roll = random.Next(100);
            var operation = roll switch
            {
                < 15 => "fund", < 45 => "debit", < 55 => "refund", < 70 => "grant", < 78 => "expire",
                < 83 => "preferences", _ => "advance"
            };
            var context = $"seed {seed}, step {step}, {operation} on {account.Id}";
            switch (operation)
            {
                case "fund":
                    var value = random.NextInt64(1, 50_01);
                    await core.FundAsync(account.Id, value, account.Marketplace.Code);
                    account.Credit(value);
                    break;
                case "debit":
                    await DebitAsync(core, account, random, step, context);
                    break;
                case "refund":
                    await RefundAsync(core, account, claims, random, step, context);
                    break;
                case "grant":
                    await GrantAsync(core, account, random, step, context);
                    break;
                case "expire":
                    var run = await core.ExpireAsync();
                    var expected = accounts.Sum(a => a.Expire(core.Clock.GetUtcNow()));
                    Assert.True(expected == run.ExpiredMinorUnits,
                        $"{context}: expired {run.ExpiredMinorUnits}, model {expected}");
                    break;
                case "preferences":
                    (account.GiftOnOrders, account.GiftOnSubscriptions) = (random.Next(4) > 0, random.Next(4) > 0);
                    await core.SetPreferences.ExecuteAsync(account.Id,
                        new Preferences(account.GiftOnOrders, account.GiftOnSubscriptions), CancellationToken.None);
                    break;
                default:
                    // Now and then land exactly on a lot's expiry: the instant it stops being spendable.
                    var now = core.Clock.GetUtcNow();
                    var next = accounts
                        .SelectMany(a => a.Lots.Values)
                        .Select(l => l.ExpiresAt)
                        .Where(e => e > now)
                        .DefaultIfEmpty()
                        .Min();
                    if (next != default && random.Next(3) == 0) core.Clock.SetUtcNow(next);
                    else core.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 12 * 60)));
                    break;
            }
            await CheckAsync(core, accounts, context);
        }
    }

    private static async Task DebitAsync(
        TestCore core, ReferenceAccount account, Random random, int step, string context)
    {
        var currency = random.Next(20) == 0 ? "EUR" : account.Marketplace.Currency;
        var (amount, allowPartial) = (random.NextInt64(1, 40_01), random.Next(2) == 0);
        var kind = random.Next(3) == 0 ? DebitKind.Subscription : DebitKind.Order;
        var replayOf = account.Debits.Count > 0 && random.Next(10) == 0
            ? account.Debits.Keys.ElementAt(random.Next(account.Debits.Count))
            : null;
        var key = replayOf ?? $"d{step}";
        // Half the replays repeat the first request; the others change it, which the key must refuse.
        if (replayOf is not null && random.Next(2) == 0) (amount, allowPartial, kind) = account.DebitRequests[replayOf];
        // Now and then another debit of an order already paid for: several debits can share an order.
        var orderId = replayOf is not null ? account.DebitOrders[replayOf]
            : account.Orders.Count > 0 && random.Next(4) == 0
                ? account.Orders.Keys.ElementAt(random.Next(account.Orders.Count))
                : $"order-{step}";

        var result = await core.DebitAsync(account.Id, amount, key, allowPartial, kind, currency, orderId);

        (long, long, long)? expected;
        if (!account.HasEntries) expected = null;
        else if (currency != account.Marketplace.Currency)
        {
            Assert.True(result.Failure?.Code == ErrorCode.CurrencyMismatch,
                $"{context}: expected currency_mismatch, got {result.Failure?.Code}");
            return;
        }
        else if (replayOf is not null && account.DebitRequests[replayOf] != (amount, allowPartial, kind))
        {
            Assert.True(result.Failure?.Code == ErrorCode.IdempotencyKeyMismatch,
                $"{context}: expected idempotency_key_mismatch, got {result.Failure?.Code}");
            return;
        }
        else if (replayOf is not null) expected = account.Debits[replayOf];
        else
        {
            var giftAllowed = kind == DebitKind.Order ? account.GiftOnOrders : account.GiftOnSubscriptions;
            expected = account.Debit(key, orderId, (amount, allowPartial, kind), giftAllowed, core.Clock.GetUtcNow());
        }

        var actual = result.Succeeded
            ? (result.Value.Applied.Amount, result.Value.FromPromotional.Amount, result.Value.FromGift.Amount)
            : ((long, long, long)?)null;
        Assert.True(expected == actual, $"{context}: debit {amount} partial={allowPartial} {kind}: "
            + $"expected {expected}, got {actual} ({result.Failure?.Code})");
        if (expected is null)
            Assert.True(result.Failure?.Code == ErrorCode.InsufficientFunds,
                $"{context}: expected insufficient_funds, got {result.Failure?.Code}");
    }

    private static async Task RefundAsync(
        TestCore core, ReferenceAccount account, Dictionary<string, AccountId> claims, Random random, int step,
        string context)
    {
        var origin = random.Next(5) == 0 ? RefundOrigin.External : RefundOrigin.Balance;
        var currency = random.Next(20) == 0 ? "EUR" : account.Marketplace.Currency;
        var orderId = account.Orders.Count > 0 && random.Next(6) > 0
            ? account.Orders.Keys.ElementAt(random.Next(account.Orders.Count)) : $"order-unpaid-{step}";
        // Mostly within what is left to refund, so that refunds succeed as well as fail.
        var left = account.LeftToRefund(orderId);
        var amount = random.Next(4) > 0 && left > 0 ? random.NextInt64(1, left + 1) : random.NextInt64(1, 30_01);
        // A replay may be of any account's refund id: sent with this account, it must not apply twice.
        var refundId = claims.Count > 0 && random.Next(5) == 0
            ? claims.Keys.ElementAt(random.Next(claims.Count))
            : $"r{step}";

        var result = await core.RefundAsync(refundId, account.Id, amount, currency, orderId, origin);

        // A refund from balance this account cannot take is refused before it claims its id.
        var applies = origin == RefundOrigin.External || account.Refunds.ContainsKey(refundId)
            || (account.Orders.ContainsKey(orderId) && amount <= account.LeftToRefund(orderId));
        ErrorCode? refused = !account.HasEntries ? ErrorCode.ValidationFailed
            : currency != account.Marketplace.Currency ? ErrorCode.CurrencyMismatch
            : !applies ? ErrorCode.NotRefundable
            : claims.TryGetValue(refundId, out var owner) && owner != account.Id ? ErrorCode.NotRefundable
            : account.RefundRequests.TryGetValue(refundId, out var first) && first != (orderId, amount, origin)
                ? ErrorCode.IdempotencyKeyMismatch
            : null;
        if (refused is null) claims.TryAdd(refundId, account.Id);
        var again = refused is null && account.Refunds.ContainsKey(refundId);
        var expected = refused is not null ? null
            : again ? account.Refunds[refundId]
            : account.Refund(refundId, orderId, amount, origin,
                core.Clock.GetUtcNow() + PromotionLimits.Default.MinimumLead);

        var actual = result.Succeeded
            ? (result.Value.Credited.Amount, result.Value.Forfeited.Amount)
            : ((long, long)?)null;
        var actualAgain = result.Succeeded ? result.Value.AlreadyCredited : (bool?)null;
        Assert.True(expected == actual && (actualAgain is null || actualAgain == again),
            $"{context}: refund {refundId} {amount} {origin} of {orderId}: expected {expected} (again: {again}), "
            + $"got {actual} "
            + $"(again: {actualAgain}, {result.Failure?.Code})");
        if (expected is null)
        {
            var code = refused ?? ErrorCode.NotRefundable;
            Assert.True(result.Failure?.Code == code, $"{context}: expected {code}, got {result.Failure?.Code}");
        }
    }

    private static async Task GrantAsync(
        TestCore core, ReferenceAccount account, Random random, int step, string context)
    {
        var amount = random.NextInt64(1, 20_01);
        var expiresIn = PromotionLimits.Default.MinimumLead + TimeSpan.FromMinutes(random.Next(1, 3 * 24 * 60));
        var replayOf = account.Grants.Count > 0 && random.Next(10) == 0
            ? account.Grants.Keys.ElementAt(random.Next(account.Grants.Count))
            : null;
        var grantId = replayOf ?? $"g{step}";

        var result = await core.GrantAsync(account.Id, grantId, amount, expiresIn, account.Marketplace.Code);

        Assert.True(result.Succeeded, $"{context}: grant failed with {result.Failure?.Code}");
        var granted = replayOf is null ? amount : account.Grants[replayOf];
        Assert.True(result.Value.Amount.Amount == granted && result.Value.AlreadyGranted == (replayOf is not null),
            $"{context}: granted {result.Value.Amount.Amount} (again: {result.Value.AlreadyGranted}), model {granted}");
        if (replayOf is null) account.Grant(grantId, amount, core.Clock.GetUtcNow() + expiresIn);
    }

    private static async Task CheckAsync(TestCore core, List<ReferenceAccount> accounts, string context)
    {
        foreach (var account in accounts)
        {
            var entries = core.Ledger.Entries(account.Id);
            var state = entries.Count == 0 ? BalanceState.Empty : entries[^1].After;
            Assert.True(state.Gift >= 0 && state.Lots.All(l => l.Amount > 0), $"{context}: {account.Id} went negative");
            Assert.True(state.Gift == account.Gift, $"{context}: {account.Id} gift {state.Gift}, model {account.Gift}");
            var lots = string.Join(", ", state.Lots
                .OrderBy(l => l.LotId, StringComparer.Ordinal)
                .Select(l => $"{l.LotId}={l.Amount}@{l.ExpiresAt:O}"));
            var modelLots = string.Join(", ", account.Lots
                .OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => $"{l.Key}={l.Value.Amount}@{l.Value.ExpiresAt:O}"));
            Assert.True(lots == modelLots, $"{context}: {account.Id} lots [{lots}], model [{modelLots}]");

            // Money is conserved: what came in, less what was spent and what expired, is what is there.
            long Sum(params EntryType[] types) => entries.Where(e => types.Contains(e.Type)).Sum(e => e.Amount.Amount);
            var (credits, debits, expiries) = (
                Sum(EntryType.Redemption, EntryType.Refund, EntryType.PromoGrant), -Sum(EntryType.Debit),
                -Sum(EntryType.PromoExpiry));
            Assert.True((credits, debits, expiries) == (account.CreditedIn, account.DebitedOut, account.ExpiredOut),
                $"{context}: {account.Id} in/out ({credits}, {debits}, {expiries}), "
                + $"model ({account.CreditedIn}, {account.DebitedOut}, {account.ExpiredOut})");
            Assert.True(credits - debits - expiries == state.Total && state.Total == account.Total,
                $"{context}: {account.Id} total {state.Total}, ledger flows {credits - debits - expiries}, "
                + $"model {account.Total}");
        }
        // What the shopper sees as available leaves out lots already past expiry, swept or not: they cannot be spent.
        var balance = await core.BalanceAsync(accounts[0].Id);
        var spendable = accounts[0].Gift + accounts[0].Lots.Values
            .Where(l => l.ExpiresAt > core.Clock.GetUtcNow())
            .Sum(l => l.Amount);
        Assert.True(balance.Available.Amount == spendable,
            $"{context}: GetBalance {balance.Available.Amount}, model {spendable}");
    }
}
