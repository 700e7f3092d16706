using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Gifting.LocalHost;

/// <summary>
/// Azure Communication Services on a loopback port, for the app's own ACS clients: it takes requests signed with its
/// access key (refusing any other with ACS's 401), email sends with their operation status, and SMS sends, honours
/// the repeatable-request ids as ACS does, and puts each message it accepts into the <see cref="Mailbox"/>.
/// </summary>
public sealed partial class LocalAcs : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, string> _operations = new(StringComparer.Ordinal);
    private readonly LocalAcsRepeats _repeats;
    private readonly TimeProvider _time;

    private LocalAcs(LocalMailbox mailbox, string emailSender, string smsFrom, TimeProvider time)
    {
        Mailbox = mailbox;
        EmailSender = emailSender;
        SmsFrom = smsFrom;
        _time = time;
        _repeats = new LocalAcsRepeats(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // Nothing of a request reaches the console: bodies hold claim codes and links.
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public LocalMailbox Mailbox { get; }

    /// <summary>The only sender address it takes, as a resource takes only its linked domains.</summary>
    public string EmailSender { get; }

    /// <summary>The only number SMS may come from, as a resource sends only from its own numbers.</summary>
    public string SmsFrom { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The base64 key requests must be signed with, fresh for each start.</summary>
    public string AccessKey => Convert.ToBase64String(_key);

    public static async Task<LocalAcs> StartAsync(
        LocalMailbox mailbox, string emailSender, string smsFrom, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var acs = new LocalAcs(mailbox, emailSender, smsFrom, time);
        await acs._app.StartAsync(cancellationToken);
        var address = acs._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        acs.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return acs;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _repeats.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var denied = LocalAcsSignature.Problem(
            _key, request.Method, target, request.Host.Value ?? "", request.Headers, body, _time.GetUtcNow());
        var path = request.Path.Value ?? "";
        var answer = denied is not null
            ? new LocalAcsAnswer(401, LocalAcsWire.Error("Denied", $"Denied by the resource provider: {denied}."))
            : (request.Method, path) switch
            {
                ("POST", "/emails:send") => await EmailAsync(request, body, context.RequestAborted),
                ("POST", "/sms") => await SmsAsync(request, body, context.RequestAborted),
                ("GET", _) when path.StartsWith(OperationsPath, StringComparison.Ordinal) => Status(request, path),
                _ => new LocalAcsAnswer(404, LocalAcsWire.Error("NotFound", $"No {request.Method} {path}.")),
            };
        context.Response.StatusCode = answer.Status;
        if (answer.OperationLocation is not null)
            context.Response.Headers["Operation-Location"] = answer.OperationLocation;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static T? Read<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, LocalAcsWire.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LocalAcsAnswer? ApiVersionProblem(HttpRequest request, string expected) =>
        request.Query["api-version"] == expected
            ? null
            : new LocalAcsAnswer(400, LocalAcsWire.Error("InvalidApiVersion", $"Use api-version={expected}."));

    private static LocalAcsAnswer BadRequest(string problem) =>
        new(400, LocalAcsWire.Error("BadRequest", problem));
}
