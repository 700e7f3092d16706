using Gifting.Core.Delivery;

namespace Gifting.Functions.Delivery;

public static class DeliveryRegistration
{
    /// <summary>Where the message templates are read from, when not the folder shipped with the app.</summary>
    public const string TemplatesFolderSetting = "Delivery:TemplatesFolder";

    /// <summary>
    /// The gift message renderer, made here rather than on first use so that a broken template stops start-up.
    /// </summary>
    public static IServiceCollection AddGiftMessages(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration[TemplatesFolderSetting] is { Length: > 0 } configured
            ? configured
            : MessageTemplates.DefaultFolder;
        services.AddSingleton(GiftMessageRenderer.Load(folder));
        return services.AddSingleton<IGiftMessageComposer, GiftMessageComposer>();
    }
}
