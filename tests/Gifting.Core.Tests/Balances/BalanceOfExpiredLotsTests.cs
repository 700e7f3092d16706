using Gifting.Core;
using Gifting.Testing;

namespace Gifting.Core.Tests.Balances;

public sealed class BalanceOfExpiredLotsTests
{
    [Fact]
    public async Task Balance_WhenLotPastExpiryButNotYetSwept_DoesNotCountIt()
    {
        var core = TestCore.Create();
        var account = TestCore.Account("alice");
        await core.FundAsync(account, 1000);
        Assert.True((await core.GrantAsync(account, "g-1", 500, TimeSpan.FromHours(1))).Succeeded);
        Assert.Equal(1500, (await core.BalanceAsync(account)).Available.Amount);

        core.Clock.Advance(TimeSpan.FromHours(2));
        var balance = await core.BalanceAsync(account);

        Assert.Equal(1000, balance.Available.Amount);
        Assert.Equal(0, balance.Promotional.Amount);
        Assert.Empty(balance.Lots);
    }
}
