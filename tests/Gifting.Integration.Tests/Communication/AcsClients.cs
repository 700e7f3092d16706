using Gifting.Core.Delivery;
using Gifting.Infra.Communication;
using Microsoft.Extensions.Configuration;

namespace Gifting.Integration.Tests.Communication;

/// <summary>The app's ACS clients, registered as the app registers them, pointed at a <see cref="FakeAcs"/>.</summary>
public sealed class AcsClients : IDisposable
{
    public const string Sender = "DoNotReply@gifts.example";
    public const string SmsFrom = "+18005550100";

    private readonly ServiceProvider _provider;

    public AcsClients(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddAcsDelivery(configuration);
        _provider = collection.BuildServiceProvider();
    }

    public IEmailSender Email => _provider.GetRequiredService<IEmailSender>();

    public ISmsSender Sms => _provider.GetRequiredService<ISmsSender>();

    public AcsEmailClient EmailClient => _provider.GetRequiredService<AcsEmailClient>();

    /// <summary>Signed with <paramref name="accessKey"/>, the fake's own key unless another is given.</summary>
    public static AcsClients WithAccessKey(FakeAcs fake, string? accessKey = null, TimeSpan? timeout = null) =>
        new(Settings(new()
        {
            ["Communication:ConnectionString"] = $"endpoint={fake.Endpoint};accesskey={accessKey ?? fake.AccessKey}",
            ["Communication:RequestTimeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString(),
        }));

    public static Dictionary<string, string?> Settings(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Communication:EmailSender", Sender);
        settings.TryAdd("Communication:SmsFrom", SmsFrom);
        return settings;
    }

    public void Dispose() => _provider.Dispose();
}
