using Gifting.Core.Codes;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

public sealed class RedemptionThrottleTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder()
        .WithClock(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero).AddMinutes(5)))
        .Build();

    [Fact]
    public async Task Redeem_AfterFiveFailures_ReturnsTooManyAttemptsWithRetryAfter()
    {
        var issued = await _core.IssueOneAsync();
        await FailAsync(Alice, times: 5);

        var result = await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Equal(ErrorCode.TooManyAttempts, result.Failure?.Code);
        // Windows are 15 minutes aligned to the epoch; the clock is 5 minutes into one.
        Assert.Equal(TimeSpan.FromMinutes(10), result.Failure?.RetryAfter);
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Redeem_AfterFourFailures_StillTriesTheCode()
    {
        var issued = await _core.IssueOneAsync();
        await FailAsync(Alice, times: 4);

        Assert.True((await _core.RedeemAsync(Alice, issued.Code.Display)).Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenWindowRollsOver_IsAllowedAgain()
    {
        var issued = await _core.IssueOneAsync();
        await FailAsync(Alice, times: 5);
        var blocked = await _core.RedeemAsync(Alice, issued.Code.Display);

        _core.Clock.Advance(blocked.Failure!.RetryAfter!.Value - TimeSpan.FromSeconds(1));
        Assert.Equal(ErrorCode.TooManyAttempts, (await _core.RedeemAsync(Alice, issued.Code.Display)).Failure?.Code);
        _core.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _core.RedeemAsync(Alice, issued.Code.Display)).Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenOneAddressFailsTwentyTimesAcrossAccounts_BlocksThatAddressOnly()
    {
        var issued = await _core.IssueOneAsync();
        for (var i = 0; i < 20; i++)
            await _core.RedeemAsync(
                TestCore.Account($"user-{i}"), ClaimCode.Generate().Display, clientAddress: "203.0.113.7");

        var fromSameAddress = await _core.RedeemAsync(Alice, issued.Code.Display, clientAddress: "203.0.113.7");
        var fromElsewhere = await _core.RedeemAsync(Alice, issued.Code.Display, clientAddress: "198.51.100.1");

        Assert.Equal(ErrorCode.TooManyAttempts, fromSameAddress.Failure?.Code);
        Assert.True(fromElsewhere.Succeeded);
    }

    private async Task FailAsync(AccountId account, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(
                ErrorCode.InvalidCode, (await _core.RedeemAsync(account, ClaimCode.Generate().Display)).Failure?.Code);
    }
}
