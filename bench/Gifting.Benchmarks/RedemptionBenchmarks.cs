using BenchmarkDotNet.Attributes;
using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Benchmarks;

/// <summary>
/// One full redemption (throttle check, parse, HMAC, lookup, claim, ledger post, settle) against the in-memory stores:
/// the CPU a redemption costs the app, without the database's round trips. Every invocation redeems a fresh code
/// into a fresh account, from cards issued before the iteration starts.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(Invocations)]
public class RedemptionBenchmarks
{
    private const int Invocations = 8_192;

    private TestCore _core = TestCore.Create();
    private RedeemCommand[] _commands = [];
    private int _next;

    [IterationSetup]
    public void IssueFreshCards()
    {
        _core = TestCore.Create();
        // Iteration setup is synchronous in BenchmarkDotNet; the in-memory stores complete synchronously anyway.
        var issued = Enumerable.Range(0, (Invocations + IssueCards.MaxCount - 1) / IssueCards.MaxCount)
            .SelectMany(_ => _core.IssueAsync(count: IssueCards.MaxCount).GetAwaiter().GetResult())
            .ToList();
        _commands = issued
            .Select((card, i) => new RedeemCommand(AccountId.Parse($"account-{i}"), Marketplace.Default, "198.51.100.7",
                card.Code.Display.ToLowerInvariant()))
            .ToArray();
        _next = 0;
    }

    [Benchmark]
    public async Task<bool> Redeem()
    {
        var result = await _core.RedeemCode.ExecuteAsync(_commands[_next++], CancellationToken.None);
        return result.Succeeded ? true : throw new InvalidOperationException(result.Failure!.Detail);
    }
}
