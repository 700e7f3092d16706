using Gifting.Core;
using Microsoft.Extensions.Configuration;
using Gifting.Infra;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Startup;

/// <summary>
/// The load host (bench/Gifting.LoadHost) swaps every store the infra registers for its in-memory twin by name, and
/// refuses to start without one: a new store without a twin would break the load script, not this suite, unless
/// checked here.
/// </summary>
public sealed class InMemoryTwinTests
{
    [Fact]
    public void EveryStorePortTheInfraRegisters_HasAnInMemoryTwinNamedForIt()
    {
        var ports = new ServiceCollection().AddGiftingInfra(new ConfigurationBuilder().Build())
            .Select(d => d.ServiceType)
            .Where(t => t.IsInterface && t.Assembly == typeof(Gifting.Core.Money).Assembly)
            .Distinct();
        var twins = typeof(InMemoryLedgerStore).Assembly.GetExportedTypes();

        var missing = ports.Where(port => !twins.Any(t =>
            t.Name == "InMemory" + port.Name[1..] && port.IsAssignableFrom(t) && !t.IsAbstract)).Select(p => p.Name);

        Assert.Empty(missing);
    }
}
