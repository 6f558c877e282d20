using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>Migrates the store before anything else starts (registered first; hosted services start in order).</summary>
public sealed class StoreMigrationHostedService(StoreMigrator migrator) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
