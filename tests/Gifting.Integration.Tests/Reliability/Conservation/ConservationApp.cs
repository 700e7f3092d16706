using Gifting.Infra.Cosmos;
using Gifting.Integration.Tests.Communication;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// The app the histories run against: the real handler over the shared emulator, a publisher that keeps the chunk
/// and delivery messages for the test to hand to their triggers, and a clock the expiry steps move. The velocity and
/// deliveries go to a fake ACS endpoint that checks their signatures. The velocity and
/// failure limits are set out of reach, so no redemption is held or throttled and the model needs no review rules.
/// </summary>
internal sealed class ConservationApp : IAsyncDisposable
{
    /// <summary>A marketplace no other test uses: the liability report and the scan see only these histories.</summary>
    public const string Market = "MX";
    public const string Currency = "MXN";

    private TimeSpan _shift;

    private readonly FakeAcs _acs;

    private ConservationApp(CosmosFixture cosmos, FakeAcs acs)
    {
        _acs = acs;
        Orders = new OrderApp(cosmos, new Dictionary<string, string>
        {
            ["Communication:ConnectionString"] = acs.ConnectionString,
            ["Communication:EmailSender"] = AcsClients.Sender,
            ["Communication:SmsFrom"] = AcsClients.SmsFrom,
            ["Redemption:Velocity:CodesPerHour"] = "1000000",
            ["Redemption:Velocity:MaxValuePerDay"] = "1000000000000",
            ["Redemption:FailuresPerAccount"] = "1000",
            ["Redemption:FailuresPerClientAddress"] = "100000",
        }, services => services.AddSingleton<TimeProvider>(Clock));
        Containers = cosmos.Containers();
    }

    public static async Task<ConservationApp> StartAsync(CosmosFixture cosmos) =>
        new(cosmos, await FakeAcs.StartAsync());

    public OrderApp Orders { get; }
    public ShiftedClock Clock { get; } = new();
    public GiftingContainers Containers { get; }

    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        _shift += by;
    }

    /// <summary>
    /// Puts the clock back to the real time, so that no history drifts far from it, and drops the messages an
    /// earlier history left unhandled.
    /// </summary>
    public void Rewind()
    {
        Orders.Publisher.Drain();
        Orders.Deliveries.Clear();
        Clock.Advance(-_shift);
        _shift = TimeSpan.Zero;
    }

    public async ValueTask DisposeAsync()
    {
        Orders.Dispose();
        await _acs.DisposeAsync();
    }
}
