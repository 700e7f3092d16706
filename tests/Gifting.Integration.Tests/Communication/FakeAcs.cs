using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gifting.Integration.Tests.Communication;

/// <summary>
/// A stand-in for an ACS resource on a loopback port: it verifies each request's signature (or bearer token) and
/// shape as ACS would, refusing with 401 or 400, records every request, and answers from a script or, without
/// one, as ACS answers a good request.
/// </summary>
public sealed partial class FakeAcs : IAsyncDisposable
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly WebApplication _app;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentQueue<FakeAcsAnswer> _script = new();
    private readonly ConcurrentQueue<FakeAcsRequest> _received = new();
    private readonly ConcurrentDictionary<string, string> _operations = new(StringComparer.Ordinal);

    private FakeAcs(string? bearerToken)
    {
        BearerToken = bearerToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public string AccessKey => Convert.ToBase64String(_key);

    /// <summary>The token a request may carry instead of a signature; none accepted when null.</summary>
    public string? BearerToken { get; }

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={AccessKey}";

    public IReadOnlyList<FakeAcsRequest> Received => [.. _received];

    public IReadOnlyList<FakeAcsRequest> Accepted => [.. _received.Where(r => r.Accepted)];

    public static async Task<FakeAcs> StartAsync(string? bearerToken = null)
    {
        var fake = new FakeAcs(bearerToken);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next requests, one answer each, in order.</summary>
    public void Answer(params FakeAcsAnswer[] answers)
    {
        foreach (var answer in answers)
            _script.Enqueue(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        var denied = FakeAcsChecks.Authentication(
            request.Method, target, request.Host.Value ?? "", headers, body, _key, BearerToken);
        var problem = denied ?? Shape(request.Method, target, headers, body);
        var received = new FakeAcsRequest(request.Method, target, headers, Encoding.UTF8.GetString(body), problem);
        _received.Enqueue(received);
        if (problem is not null)
        {
            await WriteAsync(context, denied is null ? 400 : 401, NoHeaders,
                FakeAcsAnswer.ErrorBody(denied is null ? "BadRequest" : "Denied", problem));
            return;
        }

        var answer = request.Method == "POST" && _script.TryDequeue(out var scripted) ? scripted : null;
        if (answer is { Delay: var delay } && delay > TimeSpan.Zero)
            await Task.Delay(delay, context.RequestAborted);
        if (answer is null or { IsDefault: true })
            await DefaultAsync(context, received);
        else
            await WriteAsync(context, answer.Status, answer.Headers, answer.Body(received));
    }

    private static string? Shape(string method, string target, Dictionary<string, string> headers, byte[] body)
    {
        if (method == "GET")
            return target.StartsWith("/emails/operations/", StringComparison.Ordinal) ? null : $"no GET {target}";
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return target.StartsWith("/emails", StringComparison.Ordinal)
                ? FakeAcsChecks.EmailShape(target, headers, json)
                : FakeAcsChecks.SmsShape(target, json);
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
    }

    private static async Task WriteAsync(
        HttpContext context, int status, IReadOnlyDictionary<string, string> headers, string? body)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
            context.Response.Headers[name] = value;
        if (body is null)
            return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
