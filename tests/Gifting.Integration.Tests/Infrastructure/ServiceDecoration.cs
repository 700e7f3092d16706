namespace Gifting.Integration.Tests.Infrastructure;

public static class ServiceDecoration
{
    /// <summary>
    /// Replaces the registered <typeparamref name="T"/> with <paramref name="wrap"/> around a fresh instance of it.
    /// </summary>
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.AddSingleton(sp => wrap((T)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }
}
