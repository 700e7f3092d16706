using Microsoft.Extensions.Options;

namespace Gifting.Functions;

/// <summary>
/// Settings are bound from their section, validated when the app starts, and handed to core as values.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validated at start-up, and registers
    /// what <paramref name="toValue"/> makes of it for the use cases.
    /// </summary>
    public static IServiceCollection AddSetting<TOptions, TValue>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, TValue> toValue)
        where TOptions : class
        where TValue : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => toValue(sp.GetRequiredService<IOptions<TOptions>>().Value));
        return services;
    }
}
