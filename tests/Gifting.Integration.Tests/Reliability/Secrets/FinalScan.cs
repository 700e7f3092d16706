using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer(
    "Gifting.Integration.Tests.Reliability.Secrets.FinalScanLast", "Gifting.Integration.Tests")]

namespace Gifting.Integration.Tests.Reliability.Secrets;

/// <summary>
/// The secrets scan runs after every other test of the run, over the same database: the collections run one after
/// another, <see cref="FinalScanLast"/> puts this one last, and when it is scheduled the Cosmos fixture of the
/// earlier collection hands its emulator over instead of stopping it.
/// </summary>
public static class FinalScan
{
    public const string Collection = "secrets scan, after every other test";

    private static readonly List<CosmosFixture> Carried = [];

    /// <summary>Whether the scan's collection is part of this run.</summary>
    public static bool Scheduled { get; internal set; }

    /// <summary>Keeps <paramref name="fixture"/> running for the scan, when the scan will run.</summary>
    public static bool TakesOver(CosmosFixture fixture)
    {
        if (!Scheduled) return false;
        lock (Carried) Carried.Add(fixture);
        return true;
    }

    /// <summary>The databases the earlier collections used; empty when none ran.</summary>
    public static IReadOnlyList<CosmosFixture> TakeCarried()
    {
        lock (Carried)
        {
            var all = Carried.ToList();
            Carried.Clear();
            return all;
        }
    }
}

/// <summary>Runs the collections in their usual order, with the secrets scan's last.</summary>
public sealed class FinalScanLast : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        var last = all.Where(c => c.DisplayName == FinalScan.Collection).ToList();
        FinalScan.Scheduled = last.Count > 0;
        return all.Except(last).Concat(last);
    }
}

/// <summary>The database every earlier test wrote to, or a fresh one when the scan runs alone.</summary>
public sealed class FinalScanFixture : IAsyncLifetime
{
    private IReadOnlyList<CosmosFixture> _carried = [];

    public CosmosFixture Cosmos { get; private set; } = null!;

    /// <summary>Whether earlier tests ran in this process and left their database to scan.</summary>
    public bool AfterOtherTests => _carried.Count > 0;

    public async Task InitializeAsync()
    {
        _carried = FinalScan.TakeCarried();
        if (_carried.Count > 0)
        {
            Cosmos = _carried[0];
            return;
        }
        Cosmos = new CosmosFixture();
        await Cosmos.InitializeAsync();
        _carried = [];
    }

    public async Task DisposeAsync()
    {
        foreach (var fixture in _carried) await fixture.ReleaseAsync();
        if (_carried.Count == 0 && Cosmos is not null) await Cosmos.ReleaseAsync();
    }
}

[CollectionDefinition(FinalScan.Collection)]
public sealed class FinalScanCollection : ICollectionFixture<FinalScanFixture>;
