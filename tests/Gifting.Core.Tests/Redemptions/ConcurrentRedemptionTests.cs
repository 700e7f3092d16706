using Gifting.Core.Cards;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

public sealed class ConcurrentRedemptionTests
{
    [Fact]
    public async Task Redeem_WhenHundredAccountsRaceForOneCode_ExactlyOneWins()
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new YieldingCardStore(s))
            .WithLedgerStore(s => new YieldingLedgerStore(s))
            .Build();
        var issued = await core.IssueOneAsync(amount: 50_00);
        var accounts = Enumerable.Range(0, 100).Select(i => TestCore.Account($"racer-{i}")).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = accounts.Select(account => Task.Run(async () =>
        {
            await start.Task;
            return (Account: account, Result: await core.RedeemAsync(account, issued.Code.Display));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        Assert.Equal(99, results.Count(r => r.Result.Failure?.Code == ErrorCode.AlreadyRedeemed));
        var card = await core.CardAsync(issued.Card.Serial);
        Assert.Equal((CardStatus.Redeemed, winner.Account), (card.Status, card.ClaimedBy));
        Assert.Single(accounts.SelectMany(core.Ledger.Entries));
        Assert.Equal(50_00, Assert.Single(core.Ledger.Entries(winner.Account)).After.Gift);
    }

    [Fact]
    public async Task Redeem_WhenAnotherWriteChangesTheCardBeforeItIsMarkedRedeemed_RetriesAndMarksItRedeemed()
    {
        var alice = TestCore.Account("alice");
        var core = new CoreBuilder()
            .WithCardStore(s => new TouchedBeforeReplaceCardStore(s, c => c.Status == CardStatus.Redeemed)).Build();
        var issued = await core.IssueOneAsync(amount: 30_00);

        var result = await core.RedeemAsync(alice, issued.Code.Display);

        Assert.Equal(30_00, result.Value.Balance!.Gift.Amount);
        var card = await core.CardAsync(issued.Card.Serial);
        Assert.Equal((CardStatus.Redeemed, alice), (card.Status, card.ClaimedBy));
        Assert.Single(core.Ledger.Entries(alice));
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }
}
