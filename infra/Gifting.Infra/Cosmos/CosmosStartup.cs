using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Creates the containers when asked to, then reads the account and every container and refuses to start on a set-up
/// that would silently break a guarantee: a replay posted twice, records never expiring, stale reads of the ledger.
/// </summary>
internal sealed class CosmosStartup(CosmosClient client, GiftingContainers containers, CosmosOptions options)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.CreateIfMissing) await containers.EnsureCreatedAsync(cancellationToken);
        var problems = await ProblemsAsync(cancellationToken);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Cosmos DB database '{options.Database}' is not set up as the app "
                + "needs, so it does not start:" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<List<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var account = await client.ReadAccountAsync();
        if (ConsistencyCheck.Problem(account.Consistency.DefaultConsistencyLevel, client.ClientOptions.ConsistencyLevel)
            is { } consistency)
            problems.Add(consistency);
        foreach (var expected in GiftingContainers.Definitions())
        {
            try
            {
                var actual = await client.GetContainer(options.Database, expected.Id)
                    .ReadContainerAsync(cancellationToken: cancellationToken);
                problems.AddRange(ContainerCheck.Problems(expected, actual.Resource));
            }
            catch (CosmosException e) when (e.IsNotFound())
            {
                problems.Add($"container '{expected.Id}' does not exist (or the database does not).");
            }
        }
        return problems;
    }
}
