using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gifting.LocalHost;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The zip infra/azure/package.sh builds is what the Functions host accepts: its layout, and the handler started
/// from it the way the host starts it, answering readiness, a proxied request and trigger invocations.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class PackageTests(CosmosFixture cosmos, PackageFixture package, ITestOutputHelper output)
    : IClassFixture<PackageFixture>
{
    /// <summary>Flex Consumption gives an app 30 seconds to initialise.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public void Package_HoldsHostJsonTheFunctionsTheTemplatesThePageAndTheExecutableHandlerOnly()
    {
        output.WriteLine($"package.sh took {package.BuildTime.TotalSeconds:F0} s");
        using var zip = ZipFile.OpenRead(package.Zip);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToHashSet();
        var executable = Executable();
        var functions = FunctionCatalog.Load().Select(f => f.Name).ToList();

        var expected = new HashSet<string> { "host.json", executable };
        expected.UnionWith(functions.Select(f => $"{f}/function.json"));
        expected.UnionWith(
            Directory.GetFiles(TemplatesSource()).Select(f => "Delivery/Templates/" + Path.GetFileName(f)));
        expected.UnionWith(
            Directory.GetFiles(PageAssetsSource()).Select(f => "Page/Assets/" + Path.GetFileName(f)));
        Assert.Equal(expected.Order(), files.Order());
        var handler = zip.GetEntry(executable)!;
        Assert.Equal(0b111_101_101, (handler.ExternalAttributes >> 16) & 0x1FF);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")),
            File.ReadAllText(Path.Combine(package.AppRoot, "host.json")));
    }

    [Fact]
    public async Task Handler_StartedFromThePackageAsTheHostStartsIt_AnswersReadinessHttpTimerAndQueueInvocations()
    {
        var port = FreePort();
        using var handler = Start(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            var ready = await WaitUntilReadyAsync(http, handler);
            output.WriteLine($"ready after {ready.TotalMilliseconds:F0} ms");
            Assert.True(ready < StartLimit, $"The handler answered GET / only after {ready}.");

            using var health = await http.GetAsync("api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var page = await http.GetAsync("redeem");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

            await AssertInvocationAnswersAsync(http, "SweepRedemptions", HostPayloads.Timer("timer"));
            var refund = HostPayloads.ServiceBus("message", "{\"refundId\":\"r-1\",\"accountId\":\"not an account\"}");
            await AssertInvocationAnswersAsync(http, "ProcessRefund", refund);
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The host reads <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c> from a 2xx answer, by these names.
    /// </summary>
    private static async Task AssertInvocationAnswersAsync(HttpClient http, string function, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(function, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"{function} answered {(int)response.StatusCode}: {body}");
        using var answer = JsonDocument.Parse(body);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], answer.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, answer.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, answer.RootElement.GetProperty("Logs").ValueKind);
    }

    /// <summary>
    /// As the host does: the executable from host.json, in the app root, with the port in its environment.
    /// </summary>
    private Process Start(int port)
    {
        var start = new ProcessStartInfo(Path.Combine(package.AppRoot, Executable()))
        {
            WorkingDirectory = package.AppRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] =
            port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in cosmos.Settings())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Auth__Mode"] = "Oidc";
        start.Environment["Auth__Authority"] = "https://login.example.invalid/tenant/v2.0";
        start.Environment["Auth__Audience"] = "api://gifting";
        start.Environment["ServiceBus__FullyQualifiedNamespace"] = "gifting.servicebus.windows.net";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// The host polls <c>GET /</c> and counts any answer as ready; a refused connection is "not yet".
    /// </summary>
    private static async Task<TimeSpan> WaitUntilReadyAsync(HttpClient http, Process handler)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartLimit * 2)
        {
            Assert.False(handler.HasExited, $"The handler exited with {(handler.HasExited ? handler.ExitCode : 0)}.");
            try
            {
                using var response = await http.GetAsync("");
                return started.Elapsed;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25);
            }
        }
        return started.Elapsed;
    }

    private static string Executable()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));
        return host.RootElement.GetProperty("customHandler").GetProperty("description")
            .GetProperty("defaultExecutablePath").GetString()!;
    }

    private static string TemplatesSource() =>
        Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Delivery", "Templates");

    private static string PageAssetsSource() =>
        Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Page", "Assets");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
