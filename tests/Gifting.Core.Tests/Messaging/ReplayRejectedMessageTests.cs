using Gifting.Core.Messaging;
using Gifting.Testing;

namespace Gifting.Core.Tests.Messaging;

/// <summary>
/// A rejected message is sent to its queue again once: a second replay is refused, a replay that died after its mark
/// or after its send is finished by the retry of the same call (under the same message id, never refused unsent), and
/// of replays racing exactly one answers.
/// </summary>
public sealed class ReplayRejectedMessageTests
{
    private const string Body = """{"refundId":"r-1","accountId":"shopper-1","orderId":"o-1"}""";

    private static async Task<(InMemoryRejectedMessages Store, string Id)> RejectedAsync()
    {
        var store = new InMemoryRejectedMessages();
        await store.RecordAsync(new RejectedMessage("refunds", "refund:r-1", "not_refundable: no such order", Body,
            DateTimeOffset.UnixEpoch.AddDays(20000)), CancellationToken.None);
        var page = await store.ListAsync(null, null, 10, CancellationToken.None);
        return (store, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Replay_SendsTheBodyToItsQueueOnce_AndASecondReplayIsAlreadyReplayed()
    {
        var (store, id) = await RejectedAsync();
        var publisher = new RecordingPublisher();
        var replay = new ReplayRejectedMessage(store, publisher, TimeProvider.System);

        var first = await replay.ExecuteAsync(id, "ops-1", CancellationToken.None);
        var second = await replay.ExecuteAsync(id, "ops-2", CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.NotNull(first.Value.ReplayedAt);
        Assert.Equal("ops-1", first.Value.Replay!.By);
        Assert.Equal(ErrorCode.AlreadyReplayed, second.Failure!.Code);
        var sent = Assert.Single(publisher.Sent);
        Assert.Equal("refunds", sent.Queue);
        Assert.Equal(Body, System.Text.Encoding.UTF8.GetString(sent.Body.Span));
        Assert.StartsWith("replay-", sent.MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReplayCrash.AfterMark, 1)]
    [InlineData(ReplayCrash.AfterSend, 2)]
    public async Task Replay_WhenItDiesBetweenMarkAndConfirmation_IsFinishedByTheRetryUnderTheSameMessageId(
        ReplayCrash crash, int sends)
    {
        var (store, id) = await RejectedAsync();
        var publisher = new RecordingPublisher();
        var replay = new ReplayRejectedMessage(new CrashingRejectedMessages(store, crash), publisher,
            TimeProvider.System);

        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => replay.ExecuteAsync(id, "ops-1", CancellationToken.None));
        var marked = await store.FindAsync(id, CancellationToken.None);
        var retried = await replay.ExecuteAsync(id, "ops-1", CancellationToken.None);
        var again = await replay.ExecuteAsync(id, "ops-1", CancellationToken.None);

        Assert.NotNull(marked!.Replay);
        Assert.Null(marked.ReplayedAt);
        Assert.True(retried.Succeeded);
        Assert.Equal(ErrorCode.AlreadyReplayed, again.Failure!.Code);
        // The retry sent (so nothing was refused unsent); every copy carries the one id the queue de-duplicates on.
        Assert.Equal(sends, publisher.Sent.Count);
        Assert.Single(publisher.Sent.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task Replay_WhenTheSendFails_IsNotConfirmed_AndTheRetrySends()
    {
        var (store, id) = await RejectedAsync();
        var publisher = new RecordingPublisher();
        publisher.FailNext();
        var replay = new ReplayRejectedMessage(store, publisher, TimeProvider.System);

        await Assert.ThrowsAsync<MessagePublishException>(
            () => replay.ExecuteAsync(id, "ops-1", CancellationToken.None));
        var retried = await replay.ExecuteAsync(id, "ops-1", CancellationToken.None);

        Assert.True(retried.Succeeded);
        Assert.Single(publisher.Sent);
    }

    [Fact]
    public async Task Replay_WhenManyRace_ExactlyOneAnswers_AndEveryCopySharesOneMessageId()
    {
        var (store, id) = await RejectedAsync();
        var publisher = new RecordingPublisher();
        var replay = new ReplayRejectedMessage(store, publisher, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => replay.ExecuteAsync(id, $"ops-{i}", CancellationToken.None))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.AlreadyReplayed, r.Failure!.Code));
        Assert.Single(publisher.Sent.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task Replay_OfAMessageKeptOnlyInPart_OrOfAnUnknownId_IsRefusedAndSendsNothing()
    {
        var store = new InMemoryRejectedMessages();
        await store.RecordAsync(new RejectedMessage("refunds", "invocation:1", "too large", "{\"refundId\":",
            DateTimeOffset.UnixEpoch, Complete: false), CancellationToken.None);
        var id = Assert.Single((await store.ListAsync(null, null, 10, CancellationToken.None)).Items).Id;
        var publisher = new RecordingPublisher();
        var replay = new ReplayRejectedMessage(store, publisher, TimeProvider.System);

        Assert.Equal(ErrorCode.ValidationFailed, (await replay.ExecuteAsync(id, "ops-1", default)).Failure!.Code);
        Assert.Equal(ErrorCode.RejectedMessageNotFound,
            (await replay.ExecuteAsync("nothing", "ops-1", default)).Failure!.Code);
        Assert.Empty(publisher.Sent);
    }
}
