namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>Registers the portal's analytics service (the Engine's AddQueryAnalytics must be registered too).</summary>
public static class PortalAnalyticsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PortalAnalytics"/>.</summary>
    public static IServiceCollection AddPortalAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<PortalAnalytics>();
        return services;
    }
}
