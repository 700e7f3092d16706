using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>What every order test checks the same way: its lines, their cards and its funding.</summary>
internal static class OrderChecks
{
    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(5);

    /// <summary>A core whose orders go out in chunks of four lines, so a few lines make several chunks.</summary>
    public static CoreBuilder Builder() =>
        new CoreBuilder().WithOrderLimits(OrderLimits.Default with { ChunkSize = 4 });

    /// <summary>Runs the order sweeper as its timer would, once the work it reads is overdue.</summary>
    public static Task<OrderSweepSummary> SweepAsync(TestCore core)
    {
        core.Clock.Advance(SweepAfter + TimeSpan.FromMinutes(1));
        return core.SweepOrders.ExecuteAsync(core.Clock.GetUtcNow() - SweepAfter, CancellationToken.None);
    }

    /// <summary>
    /// Handles every chunk message sent so far, as the queue's trigger would, and hands a message whose run crashed
    /// back to the queue, as Service Bus redelivers it once its lock ends.
    /// </summary>
    public static async Task<int> DeliverThroughCrashesAsync(TestCore core)
    {
        var crashes = 0;
        var queue = new Queue<OutgoingMessage>();
        while (true)
        {
            if (queue.Count is 0)
                foreach (var sent in core.DrainChunks().Where(m => m.Queue == OrderChunks.Queue))
                    queue.Enqueue(sent);
            if (!queue.TryDequeue(out var message)) return crashes;
            try
            {
                await core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None);
            }
            catch (SimulatedCrashException)
            {
                crashes++;
                queue.Enqueue(message);
            }
        }
    }

    public static ClaimCode CodeOf(TestCore core, GiftLine line) =>
        core.Get<CodeCipher>().Decrypt(line.SealedCode ?? throw new InvalidOperationException(
            $"Line {line.LineId} holds no code."), line.CodeOwner);

    public static IReadOnlyList<GiftLine> LinesOf(TestCore core, string orderId) =>
        core.Orders.Lines.Where(l => l.OrderId == orderId).ToList();

    public static IReadOnlyList<Card> CardsOf(TestCore core, string orderId) =>
        core.Cards.Cards.Where(c => c.Line?.OrderId == orderId).ToList();

    public static IReadOnlyList<LedgerEntry> FundingOf(TestCore core, OrgId org, string orderId, EntryType type) =>
        core.Funding.Entries(FundingLedger.AccountOf(org))
            .Where(e => e.Type == type && e.Reference == $"order:{orderId}").ToList();

    /// <summary>
    /// The order is accepted once, its total reserved once, and every line issued once: one active card per line,
    /// under the line's own sealed code, and no card that its line does not name.
    /// </summary>
    public static async Task AssertIssuedOnceAsync(TestCore core, OrgId org, string orderId, int lineCount)
    {
        var order = await core.OrderAsync(org, orderId);
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Equal(lineCount, order.Counts.Issued);
        var reserved = Assert.Single(FundingOf(core, org, orderId, EntryType.Order));
        Assert.Equal(order.Total.Negate(), reserved.Amount);

        var lines = LinesOf(core, orderId);
        var cards = CardsOf(core, orderId);
        Assert.Equal(lineCount, lines.Count);
        Assert.Equal(lineCount, cards.Count);
        Assert.Equal(lineCount, cards.Select(c => c.Line!.Index).Distinct().Count());
        foreach (var line in lines)
        {
            Assert.Equal(LineStatus.Scheduled, line.Status);
            var card = Assert.Single(cards, c => c.Line!.Index == line.Index);
            Assert.Equal((line.CardId, line.Serial, CardStatus.Active), (card.CardId, card.Serial, card.Status));
            Assert.Equal(core.Hasher.Hash(CodePurpose.ClaimCode, CodeOf(core, line).Normalized), card.CodeHash);
            Assert.Equal(line.Amount, card.Value);
        }
        AssertNoCardWithoutItsLine(core);
    }

    /// <summary>Every card issued for a line is the card that line names.</summary>
    public static void AssertNoCardWithoutItsLine(TestCore core)
    {
        var lines = core.Orders.Lines.ToDictionary(l => (l.OrderId, l.Index));
        foreach (var card in core.Cards.Cards.Where(c => c.Line is not null))
        {
            Assert.True(lines.TryGetValue((card.Line!.OrderId, card.Line.Index), out var line),
                $"Card {card.Serial} names a line that is not stored.");
            Assert.Equal(card.CardId, line.CardId);
        }
    }
}
