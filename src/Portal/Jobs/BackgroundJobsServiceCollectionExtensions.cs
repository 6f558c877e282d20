using Hangfire;
using Hangfire.Storage.SQLite;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>Registers Hangfire: its store beside ours, a server in this process, the job classes and the recurring jobs.</summary>
public static class BackgroundJobsServiceCollectionExtensions
{
    /// <summary>The job store's file in the data folder.</summary>
    public const string SqliteFileName = "jobs.db";

    /// <summary>
    /// Adds the job store (<see cref="SqliteFileName"/> in <paramref name="dataDirectory"/>), the job client, a job server
    /// with <paramref name="options"/> and the recurring jobs. The store is this host's own instance, never Hangfire's
    /// process-wide <see cref="JobStorage.Current"/>, so that several hosts in one process (tests) keep their jobs apart.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, string dataDirectory, BackgroundJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(dataDirectory);
        var storage = new SQLiteStorage(Path.Combine(dataDirectory, SqliteFileName), new SQLiteStorageOptions
        {
            QueuePollInterval = options.QueuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
        });
        services.AddSingleton(options);
        services.AddSingleton<JobStorage>(storage);
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            server.ShutdownTimeout = TimeSpan.FromSeconds(5);
        }, storage);
        services.AddTransient<OverdueRefreshSweep>();
        services.AddTransient<AnalyticsRetentionJob>();
        services.AddTransient<NotifyRetryJob>();
        services.AddSingleton<INotifyRetryQueue, JobNotifyRetryQueue>();
        services.AddTransient<TransferNowJob>();
        services.AddSingleton<ITransferNowQueue, JobTransferNowQueue>();
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }
}
