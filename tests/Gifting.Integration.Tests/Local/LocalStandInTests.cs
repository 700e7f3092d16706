using System.Net;
using System.Text.Json;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Local;

/// <summary>The local stand-in drives the handler through the same contract as the Functions host.</summary>
[Collection(CosmosCollection.Name)]
public sealed class LocalStandInTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task RefundPostedToDevQueue_IsDeliveredToTheTriggerAndCredited()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = standIn.Address };
        var account = Api.NewId("shopper");
        var tokens = standIn.HandlerServices.GetRequiredService<Gifting.Functions.Auth.LocalTokens>();
        Authorize(http, tokens.Issue("issuer-1", ["issuer"], "US", TimeProvider.System));
        var code = (await http.IssueAsync(amount: 1000))[0].GetProperty("code").GetString()!;
        Authorize(http, tokens.Issue(account, ["customer"], "US", TimeProvider.System));
        Assert.Equal(200, (int)(await http.RedeemAsync(code)).StatusCode);

        var refund = new
        {
            refundId = Api.NewId("refund"), accountId = account, orderId = "o-1",
            amount = new { amount = 400, currency = "USD" }, origin = "external",
        };
        for (var i = 0; i < 3; i++)
            Assert.Equal(202, (int)(await http.PostJsonAsync("/api/dev/queues/refunds/messages", refund)).StatusCode);
        await standIn.Queues.DrainAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1400, await http.GiftBalanceAsync());
        Assert.Empty((await (await http.GetAsync("/api/dev/queues/refunds/dead-letters")).JsonAsync())
            .GetProperty("items").EnumerateArray());
        Assert.Equal(200,
            (int)(await http.PostAsync("/api/dev/functions/ExpirePromotionalCredits/run", null)).StatusCode);
        await (await http.PostAsync("/api/dev/functions/NoSuchFunction/run", null))
            .AssertProblemAsync(404, "not_found");
        await (await http.PostJsonAsync("/api/dev/queues/no-such-queue/messages", refund))
            .AssertProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound,
            (await http.PostAsync("/ProcessRefund", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task MessageWhoseInvocationKeepsFailing_IsRedeliveredThenDeadLettered()
    {
        var failing = new CountingHandler(HttpStatusCode.InternalServerError);
        var functions = FunctionCatalog.Load();
        await using var queues = new LocalQueues(functions, new HandlerInvoker(
            new HttpClient(failing) { BaseAddress = new Uri("http://127.0.0.1:1/") }, TimeProvider.System),
            TimeProvider.System);

        queues.Enqueue("refunds", "{\"refundId\":\"r-1\"}");
        await queues.DrainAsync(TimeSpan.FromSeconds(30));

        var letter = Assert.Single(queues.DeadLetters("refunds"));
        Assert.Equal(LocalQueues.MaxDeliveryCount, failing.Calls);
        Assert.Equal(LocalQueues.MaxDeliveryCount, letter.DeliveryCount);
        Assert.Equal("r-1", letter.Body.GetProperty("refundId").GetString());
        Assert.Contains("MaxDeliveryCountExceeded", letter.Reason, StringComparison.Ordinal);
        Assert.All(failing.Payloads, p => Assert.StartsWith(
            "\"{", p.GetProperty("Data").GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
            failing.Payloads.Select(p => p.GetProperty("Metadata").GetProperty("DeliveryCount").GetString()));
    }

    [Fact]
    public async Task OutputBindingOfOneFunction_IsDeliveredToTheTriggerOfTheNext()
    {
        var folder = Directory.CreateTempSubdirectory("functions-");
        WriteFunction(folder, "Produce", """
            {"bindings":[
              {"type":"serviceBusTrigger","direction":"in","name":"msg","queueName":"first"},
              {"type":"serviceBus","direction":"out","name":"next","queueName":"second"}]}
            """);
        WriteFunction(folder, "Consume", """
            {"bindings":[{"type":"serviceBusTrigger","direction":"in","name":"msg","queueName":"second"}]}
            """);
        var handler = new ScriptedHandler();
        await using (var queues = new LocalQueues(FunctionCatalog.Load(folder.FullName), new HandlerInvoker(
            new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") }, TimeProvider.System),
            TimeProvider.System))
        {
            queues.Enqueue("first", """{"n":1}""");
            await queues.DrainAsync(TimeSpan.FromSeconds(30));
        }
        folder.Delete(recursive: true);

        Assert.Equal(["/Consume", "/Consume", "/Produce"], handler.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], handler.ConsumedBodies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueueTriggerDeclaredBinary_ReceivesTheBodyAsBase64Bytes()
    {
        var folder = Directory.CreateTempSubdirectory("functions-");
        WriteFunction(folder, "Take", """
            {"bindings":[
              {"type":"serviceBusTrigger","direction":"in","name":"msg","queueName":"bytes","dataType":"binary"}]}
            """);
        var handler = new CountingHandler(HttpStatusCode.OK);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") };
        var invoker = new HandlerInvoker(client, TimeProvider.System);
        await using (var queues = new LocalQueues(FunctionCatalog.Load(folder.FullName), invoker, TimeProvider.System))
        {
            queues.Enqueue("bytes", """{"n":"é"}""");
            await queues.DrainAsync(TimeSpan.FromSeconds(30));
        }
        folder.Delete(recursive: true);

        // A byte[] trigger value is sent once, as base64 (shared/reference/functions-custom-handler.md, section 1.4).
        var sent = Assert.Single(handler.Payloads).GetProperty("Data").GetProperty("msg").GetString()!;
        Assert.Equal("{\"n\":\"é\"}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(sent)));
    }

    [Fact]
    public void ProcessRefund_DeclaresItsMessageDataType()
    {
        var trigger = FunctionCatalog.Load().Single(f => f.Name == "ProcessRefund").Trigger;

        Assert.Equal("string", trigger.DataType);
    }

    private static void WriteFunction(DirectoryInfo folder, string name, string json)
    {
        Directory.CreateDirectory(Path.Combine(folder.FullName, name));
        File.WriteAllText(Path.Combine(folder.FullName, name, "function.json"), json);
    }

    /// <summary>Answers Produce with two messages on its output binding, and Consume with nothing.</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        public List<string> Paths { get; } = [];
        public List<string> ConsumedBodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var payload = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement;
            lock (Paths)
            {
                Paths.Add(path);
                if (path == "/Consume")
                    ConsumedBodies.Add(JsonSerializer.Deserialize<string>(
                        payload.GetProperty("Data").GetProperty("msg").GetString()!)!);
            }
            var outputs = path == "/Produce" ? """{"next":[{"a":1},{"a":2}]}""" : "{}";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"Outputs":{{outputs}},"Logs":[],"ReturnValue":null}"""),
            };
        }
    }

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

    /// <summary>
    /// Records what the stand-in posts and answers every invocation with one status: a failing status stands in for
    /// a handler that fails every invocation, which no real component does on demand.
    /// </summary>
    private sealed class CountingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public int Calls => Payloads.Count;
        public List<JsonElement> Payloads { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var payload = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))
                .RootElement.Clone();
            lock (Payloads) Payloads.Add(payload);
            var answer = """{"Outputs":{},"Logs":[],"ReturnValue":null}""";
            return new HttpResponseMessage(status) { Content = new StringContent(answer) };
        }
    }
}
