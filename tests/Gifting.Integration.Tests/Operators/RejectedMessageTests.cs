using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Infra.Cosmos;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Operators;

/// <summary>Support lists what the queues could not apply, redacted; an admin sends one again, once.</summary>
[Collection(CosmosCollection.Name)]
public sealed class RejectedMessageTests(CosmosFixture cosmos) : IDisposable
{
    private readonly RecordingPublisher _publisher = new();
    private GiftingFactory? _app;

    private GiftingFactory App => _app ??= new GiftingFactory(cosmos,
        services => services.AddSingleton<IMessagePublisher>(_publisher));

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task RejectedRefund_IsListedForSupport_ReplayedOnceByAnAdmin_AndShownAsReplayed()
    {
        var account = Api.NewId("shopper");
        var refundId = Api.NewId("refund");
        var body = JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId = "order-never", amount = new { amount = 500, currency = "USD" },
        });
        using var rejected = await App.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body));
        Assert.Equal(200, (int)rejected.StatusCode);
        var support = App.ClientFor("help-1", "support");
        var admin = App.ClientFor("ops-1", "admin");

        var item = await FindAsync(support, "refunds", refundId);
        using var replayed = await admin.PostAsync(
            $"/api/operations/rejected-messages/{item.GetProperty("id").GetString()}/replay", null);
        using var again = await admin.PostAsync(
            $"/api/operations/rejected-messages/{item.GetProperty("id").GetString()}/replay", null);
        var after = await FindAsync(support, "refunds", refundId);

        Assert.Equal("refunds", item.GetProperty("queue").GetString());
        Assert.True(item.GetProperty("replayable").GetBoolean());
        Assert.False(item.TryGetProperty("replayedAt", out _));
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("reason").GetString()));
        Assert.Equal(202, (int)replayed.StatusCode);
        await again.AssertProblemAsync(409, "already_replayed");
        var sent = Assert.Single(_publisher.Sent);
        Assert.Equal("refunds", sent.Queue);
        Assert.Equal(refundId, JsonDocument.Parse(sent.Body).RootElement.GetProperty("refundId").GetString());
        Assert.True(after.TryGetProperty("replayedAt", out _));
        Assert.False(after.GetProperty("replayable").GetBoolean());
        await (await admin.PostAsync("/api/operations/rejected-messages/20261202.refunds.nothing/replay", null))
            .AssertProblemAsync(404, "not_found");
        await (await admin.PostAsync("/api/operations/rejected-messages/nonsense/replay", null))
            .AssertProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task RejectedDelivery_CarryingACodeAndALinkToken_IsListedWithBoth_Redacted()
    {
        var code = "K7QM-2XWP9R-T4VHD";
        var token = "Zq3_x8-Lm0PaVb7RtYc2Wd";
        var lineId = Api.NewId("line");
        var body = JsonSerializer.Serialize(new
        {
            deliveryId = lineId, orderId = 7, lineId, channel = "email",
            extra = new { claim_code = "ABCD", note = $"code {code}, link https://x.example/redeem?t={token}" },
        });
        using var rejected = await App.CreateClient().InvokeAsync("DeliverGift",
            HostPayloads.ServiceBus("message", body, messageId: lineId));
        Assert.Equal(200, (int)rejected.StatusCode);

        var item = await FindAsync(App.ClientFor("help-1", "support"), "gift-deliveries", lineId);

        var shown = item.GetProperty("body").GetString()!;
        Assert.DoesNotContain(code, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(token, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCD", shown, StringComparison.Ordinal);
        Assert.Contains(lineId, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedDelivery_CarryingACodeAndALinkToken_IsStoredRedacted_AndCannotBeReplayed()
    {
        var code = "K7QM-2XWP9R-T4VHD";
        var token = "Zq3_x8-Lm0PaVb7RtYc2Wd";
        var lineId = Api.NewId("line");
        var body = JsonSerializer.Serialize(new
        {
            deliveryId = lineId, orderId = 7, lineId, channel = "email",
            extra = new { note = $"code {code}, link https://x.example/redeem?t={token}" },
        });
        using var rejected = await App.CreateClient().InvokeAsync("DeliverGift",
            HostPayloads.ServiceBus("message", body, messageId: lineId));
        Assert.Equal(200, (int)rejected.StatusCode);

        var item = await FindAsync(App.ClientFor("help-1", "support"), "gift-deliveries", lineId);
        var id = item.GetProperty("id").GetString()!;
        var stored = await new CosmosRejectedMessages(cosmos.Containers(), TimeProvider.System)
            .FindAsync(id, CancellationToken.None);
        using var replay = await App.ClientFor("ops-1", "admin")
            .PostAsync($"/api/operations/rejected-messages/{id}/replay", null);

        var kept = stored!.Body;
        Assert.DoesNotContain(code, kept, StringComparison.Ordinal);
        Assert.DoesNotContain(token, kept, StringComparison.Ordinal);
        Assert.Contains(lineId, kept, StringComparison.Ordinal);
        Assert.False(item.GetProperty("replayable").GetBoolean());
        await replay.AssertProblemAsync(400, "validation_failed");
        Assert.Empty(_publisher.Sent);
    }

    [Theory]
    [InlineData("queue=Refunds")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("cursor=bm9wZQ")]
    [InlineData("cursor=%25%25")]
    public async Task List_WithABadParameter_Answers400(string query) =>
        await (await App.ClientFor("help-1", "support").GetAsync($"/api/operations/rejected-messages?{query}"))
            .AssertProblemAsync(400, "validation_failed");

    [Fact]
    public async Task CosmosStore_ListsNewestFirstAcrossDaysAndQueues_APageAtATime()
    {
        // A day of its own, far from the others' records, so this listing sees only its own.
        var start = new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 20000));
        var clock = new FakeTimeProvider(start.AddDays(3));
        var store = new CosmosRejectedMessages(cosmos.Containers(), clock);
        var recorded = new List<(string Queue, DateTimeOffset At)>();
        for (var i = 0; i < 7; i++)
        {
            var at = start.AddDays(i % 4).AddMinutes(i);
            var queue = i % 3 == 0 ? "gift-deliveries" : "refunds";
            await store.RecordAsync(new RejectedMessage(queue, $"k-{i}", "bad", "{}", at), CancellationToken.None);
            recorded.Add((queue, at));
        }
        // Recorded again: one record still.
        await store.RecordAsync(new RejectedMessage("refunds", "k-1", "bad", "{}", recorded[1].At), default);

        var all = await PagesAsync(store, null, 2);
        var refunds = await PagesAsync(store, "refunds", 3);

        Assert.Equal(recorded.Select(r => r.At).OrderDescending(), all.Select(r => r.RejectedAt));
        Assert.Equal(recorded.Where(r => r.Queue == "refunds").Select(r => r.At).OrderDescending(),
            refunds.Select(r => r.RejectedAt));
        var found = await store.FindAsync(all[0].Id, CancellationToken.None);
        Assert.Equal(all[0].RejectedAt, found!.RejectedAt);
        Assert.Null(await store.FindAsync("nothing", CancellationToken.None));
    }

    private static async Task<List<StoredRejection>> PagesAsync(CosmosRejectedMessages store, string? queue, int limit)
    {
        var items = new List<StoredRejection>();
        RejectionCursor? cursor = null;
        do
        {
            var page = await store.ListAsync(queue, cursor, limit, CancellationToken.None);
            Assert.True(page.Items.Count <= limit);
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return items;
    }

    private static async Task<JsonElement> FindAsync(HttpClient support, string queue, string fragment)
    {
        string? cursor = null;
        do
        {
            using var response = await support.GetAsync(
                $"/api/operations/rejected-messages?queue={queue}&limit=100"
                + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(200, (int)response.StatusCode);
            var page = await response.JsonAsync();
            foreach (var item in page.GetProperty("items").EnumerateArray())
                if (item.GetProperty("body").GetString()!.Contains(fragment, StringComparison.Ordinal)) return item;
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        throw new Xunit.Sdk.XunitException($"No rejected {queue} message mentions {fragment}.");
    }
}
