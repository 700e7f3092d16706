using Gifting.Core;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Testing;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// Cosmos DB operations per line of a 1,000-line order, counted as the SDK sends them: the intake (the order, its
/// lines, the funding reservation, the chunk messages' bookkeeping) and the issuing of every chunk. The figures of
/// docs/performance.md, "Corporate orders"; the budgets hold them.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OrderOperationCountTests : IDisposable
{
    private const int Lines = 1000;

    private readonly CosmosOperationCounter _counter = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly GiftingFactory _app;
    private readonly ITestOutputHelper _output;

    public OrderOperationCountTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _output = output;
        _app = new GiftingFactory(cosmos, services =>
        {
            CosmosOperationCounter.Install(services, cosmos, _counter);
            services.AddSingleton<IMessagePublisher>(_publisher);
        });
    }

    public void Dispose()
    {
        Assert.DoesNotContain(_counter.All, o => o.CrossPartition);
        _app.Dispose();
    }

    [Fact]
    public async Task ThousandLineOrder_CostsAFixedNumberOfOperationsPerLine()
    {
        var org = OrgId.Parse(Api.NewId("org"));
        using var funded = await _app.ClientFor("ops-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 100_000_00, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)funded.StatusCode);
        var command = new PlaceOrderCommand(org, "buyer-1", PlaceOrder.OrderIdFor(org, "buyer-1", Api.NewId("key")),
            Marketplace.Parse("US"), "PO-1", "Acme HR", null, TestCore.Lines(Lines));
        _counter.Reset();

        Assert.True((await _app.Services.GetRequiredService<PlaceOrder>()
            .ExecuteAsync(command, CancellationToken.None)).Succeeded);
        var intake = Documents();
        _counter.Reset();
        var chunks = _app.Services.GetRequiredService<ProcessOrderChunk>();
        foreach (var message in _publisher.Drain())
            Assert.True((await chunks.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None)).Succeeded);
        var issuing = Documents();

        _output.WriteLine($"intake: {intake} operations, {(double)intake / Lines:F3} a line");
        _output.WriteLine($"issuing: {issuing} operations, {(double)issuing / Lines:F3} a line");
        // Intake: a create per line, and a fixed few for the order, the reservation and the index entry.
        Assert.InRange(intake, Lines, Lines + OperationBudgets.OrderIntakeFixed);
        // Issuing: per line the sealed code and link, the serial index, the card, the link's index entry, the line
        // issued and the card's count into the liability totals; per chunk of 100 the order read, the lines' query
        // and the count.
        var perLine = 5 + OperationBudgets.LiabilityCountPerEvent;
        Assert.InRange(issuing, Lines * perLine, Lines * perLine + Lines / 100 * 3);
    }

    private int Documents() => _counter.Operations.Count(o => o.IsDocument);
}
