using Gifting.Infra.Cosmos;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// The app the histories run against: the real handler over the shared emulator, a publisher that keeps the chunk
/// and delivery messages for the test to hand to their triggers, and a clock the expiry steps move. The velocity and
/// failure limits are set out of reach, so no redemption is held or throttled and the model needs no review rules.
/// </summary>
internal sealed class ConservationApp : IDisposable
{
    /// <summary>A marketplace no other test uses, so the liability report and the scan see only these histories.</summary>
    public const string Market = "MX";
    public const string Currency = "MXN";

    private TimeSpan _shift;

    public ConservationApp(CosmosFixture cosmos)
    {
        Cosmos = cosmos;
        Orders = new OrderApp(cosmos, new Dictionary<string, string>
        {
            ["Redemption:Velocity:CodesPerHour"] = "1000000",
            ["Redemption:Velocity:MaxValuePerDay"] = "1000000000000",
            ["Redemption:FailuresPerAccount"] = "1000",
            ["Redemption:FailuresPerClientAddress"] = "100000",
        }, services => services.AddSingleton<TimeProvider>(Clock));
        Containers = cosmos.Containers();
    }

    public CosmosFixture Cosmos { get; }
    public OrderApp Orders { get; }
    public ShiftedClock Clock { get; } = new();
    public GiftingContainers Containers { get; }

    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        _shift += by;
    }

    /// <summary>Puts the clock back to the real time, so that no history drifts far from it.</summary>
    public void Rewind()
    {
        Clock.Advance(-_shift);
        _shift = TimeSpan.Zero;
    }

    public void Dispose() => Orders.Dispose();
}
