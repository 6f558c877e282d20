using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>Registers query analytics: the aggregator folding the responder's counters into the store, and the reports.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Adds the aggregator (a hosted service) and <see cref="QueryAnalytics"/>; the responder's QueryCounters must be registered too.</summary>
    public static IServiceCollection AddQueryAnalytics(this IServiceCollection services, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<QueryAggregator>();
        services.AddHostedService(provider => provider.GetRequiredService<QueryAggregator>());
        services.AddSingleton<QueryAnalytics>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
