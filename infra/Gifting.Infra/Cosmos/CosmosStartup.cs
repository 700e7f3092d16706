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
        // All at once: each is a round trip the handler would otherwise wait for in turn before it can answer.
        var containers = GiftingContainers.Definitions()
            .Select(expected => ContainerProblemsAsync(expected, cancellationToken)).ToList();
        var account = await client.ReadAccountAsync();
        var problems = new List<string>();
        if (ConsistencyCheck.Problem(account.Consistency.DefaultConsistencyLevel, client.ClientOptions.ConsistencyLevel)
            is { } consistency)
            problems.Add(consistency);
        foreach (var found in await Task.WhenAll(containers)) problems.AddRange(found);
        return problems;
    }

    private async Task<IEnumerable<string>> ContainerProblemsAsync(
        ContainerProperties expected, CancellationToken cancellationToken)
    {
        try
        {
            var actual = await client.GetContainer(options.Database, expected.Id)
                .ReadContainerAsync(cancellationToken: cancellationToken);
            return ContainerCheck.Problems(expected, actual.Resource);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            return [$"container '{expected.Id}' does not exist (or the database does not)."];
        }
    }
}
