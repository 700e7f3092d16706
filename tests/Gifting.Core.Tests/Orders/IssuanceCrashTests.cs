using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// A chunk run stopped at any of its writes is finished by the message's redelivery: one card per line, under the
/// code its line holds, no card its line does not name, and the chunk counted once.
/// </summary>
public sealed class IssuanceCrashTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private const int LineCount = 10;

    public enum Boundary
    {
        AfterSealingTheCode,
        AfterTheCardCreate,
        BeforeTheLineIsScheduled,
        AfterTheLineIsScheduled,
        BeforeTheCount,
        AfterTheCount,
    }

    public static TheoryData<Boundary> Boundaries() => [.. Enum.GetValues<Boundary>()];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Chunk_StoppedAtAnyWrite_IsFinishedByRedeliveryOnce(Boundary boundary)
    {
        var (core, crashed) = await PlaceAsync(boundary);

        var crashes = await OrderChecks.DeliverThroughCrashesAsync(core);

        Assert.Equal(1, crashes);
        Assert.True(crashed());
        await OrderChecks.AssertIssuedOnceAsync(core, Acme, OrderId(), LineCount);
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Chunk_StoppedAtAnyWrite_ThenDeliveredAgainLater_ChangesNothing(Boundary boundary)
    {
        var (core, _) = await PlaceAsync(boundary);
        var messages = core.Publisher.Sent;
        await OrderChecks.DeliverThroughCrashesAsync(core);
        var cards = OrderChecks.CardsOf(core, OrderId()).Select(c => (c.CardId, c.CodeHash)).ToList();

        foreach (var message in messages)
            await core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None);

        await OrderChecks.AssertIssuedOnceAsync(core, Acme, OrderId(), LineCount);
        Assert.Equal(cards, OrderChecks.CardsOf(core, OrderId()).Select(c => (c.CardId, c.CodeHash)));
    }

    private static string OrderId() => PlaceOrder.OrderIdFor(Acme, "buyer-1", "key-1");

    /// <summary>A funded, accepted order whose chunk runs crash once at <paramref name="boundary"/>.</summary>
    private static async Task<(TestCore Core, Func<bool> Crashed)> PlaceAsync(Boundary boundary)
    {
        var builder = OrderChecks.Builder();
        CrashingOrderStore? orders = null;
        CrashingCardCreate? cards = null;
        IOrderStore Crash(IOrderStore inner, OrderWrite kind, bool before, Func<GiftLine, bool>? line = null) =>
            orders = new CrashingOrderStore(inner, kind, before: before) { LineMatches = line ?? (_ => true) };
        static bool Sealed(GiftLine l) => l.Status == LineStatus.Pending && l.SealedCode is not null;
        static bool Scheduled(GiftLine l) => l.Status == LineStatus.Scheduled;
        builder = boundary switch
        {
            Boundary.AfterSealingTheCode =>
                builder.WithOrderStore(s => Crash(s, OrderWrite.ReplaceLine, false, Sealed)),
            Boundary.AfterTheCardCreate => builder.WithCardStore(s => cards = new CrashingCardCreate(s)),
            Boundary.BeforeTheLineIsScheduled =>
                builder.WithOrderStore(s => Crash(s, OrderWrite.ReplaceLine, true, Scheduled)),
            Boundary.AfterTheLineIsScheduled =>
                builder.WithOrderStore(s => Crash(s, OrderWrite.ReplaceLine, false, Scheduled)),
            Boundary.BeforeTheCount => builder.WithOrderStore(s => Crash(s, OrderWrite.Count, true)),
            _ => builder.WithOrderStore(s => Crash(s, OrderWrite.Count, false)),
        };
        var core = builder.Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
        Assert.Equal(OrderStatus.Accepted, placed.Value.Status);
        return (core, () => orders?.Crashed ?? cards!.Crashed);
    }
}
