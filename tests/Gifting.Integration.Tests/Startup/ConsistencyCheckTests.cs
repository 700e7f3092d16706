using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Startup;

public sealed class ConsistencyCheckTests
{
    [Theory]
    [InlineData(ConsistencyLevel.Strong)]
    [InlineData(ConsistencyLevel.BoundedStaleness)]
    [InlineData(ConsistencyLevel.Session)]
    public void Problem_WhenAccountReadsItsOwnWrites_IsNone(ConsistencyLevel account) =>
        Assert.Null(ConsistencyCheck.Problem(account, client: null));

    [Theory]
    [InlineData(ConsistencyLevel.Eventual)]
    [InlineData(ConsistencyLevel.ConsistentPrefix)]
    public void Problem_WhenAccountIsWeakerThanSession_NamesSession(ConsistencyLevel account) =>
        Assert.Contains("Session", ConsistencyCheck.Problem(account, client: null), StringComparison.Ordinal);

    [Fact]
    public void Problem_WhenClientWeakensAStrongAccountBelowSession_NamesTheClient() =>
        Assert.Contains("client's setting",
            ConsistencyCheck.Problem(ConsistencyLevel.Strong, ConsistencyLevel.Eventual), StringComparison.Ordinal);

    [Fact]
    public void Problem_WhenClientWeakensToSession_IsNone() =>
        Assert.Null(ConsistencyCheck.Problem(ConsistencyLevel.Strong, ConsistencyLevel.Session));

    [Fact]
    public void Problem_WhenClientAsksForMoreThanAnEventualAccount_SaysCosmosRefusesIt() =>
        Assert.Contains("only weaken",
            ConsistencyCheck.Problem(ConsistencyLevel.Eventual, ConsistencyLevel.Session), StringComparison.Ordinal);
}
