using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>Applies the accounts' migrations at start, after the Engine's store (hosted services start in registration order).</summary>
public sealed class AccountMigrationHostedService(IDbContextFactory<AccountDbContext> contextFactory) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
