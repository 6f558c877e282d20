using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// The Engine's store. The schema comes only from the hand-written migrations in Migrations/, applied by
/// <see cref="StoreMigrator"/>; EnsureCreated is never used. Zone records are read and written in bulk
/// through <see cref="ZoneRecordRows"/>, not as tracked entities.
/// </summary>
public sealed class StoreDbContext(DbContextOptions<StoreDbContext> options) : DbContext(options)
{
    /// <summary>The zones.</summary>
    public DbSet<Zone> Zones => Set<Zone>();

    /// <summary>The zones' records (bulk access goes through <see cref="ZoneRecordRows"/>).</summary>
    public DbSet<ZoneRecord> ZoneRecords => Set<ZoneRecord>();

    /// <summary>The TSIG keys shared with primaries (secrets protected).</summary>
    public DbSet<StoredTsigKey> TsigKeys => Set<StoredTsigKey>();

    /// <summary>The secondary zones' primaries.</summary>
    public DbSet<ZonePrimary> ZonePrimaries => Set<ZonePrimary>();

    /// <summary>The secondary zones' refresh state.</summary>
    public DbSet<SecondaryZoneState> SecondaryZoneStates => Set<SecondaryZoneState>();

    /// <summary>The secondary zones' transfer history.</summary>
    public DbSet<TransferLogEntry> TransferLog => Set<TransferLogEntry>();
    /// <summary>The transfer access lists of the authoritative zones.</summary>
    public DbSet<ZoneTransferAclEntry> ZoneTransferAcl => Set<ZoneTransferAclEntry>();

    /// <summary>The secondaries notified of the authoritative zones' changes.</summary>
    public DbSet<ZoneNotifyTarget> ZoneNotifyTargets => Set<ZoneNotifyTarget>();

    /// <summary>The IXFR journal of the authoritative zones.</summary>
    public DbSet<ZoneJournalEntry> ZoneJournal => Set<ZoneJournalEntry>();

    /// <summary>The primaries accounts saved under a name, to reuse across their zones.</summary>
    public DbSet<SavedPrimary> SavedPrimaries => Set<SavedPrimary>();

    /// <summary>Query counts per minute and per hour (folded from the responder's counters by the analytics).</summary>
    public DbSet<QueryAggregate> QueryAggregates => Set<QueryAggregate>();

    /// <summary>The zones' most queried names per hour.</summary>
    public DbSet<QueryTopName> QueryTopNames => Set<QueryTopName>();

    /// <summary>The single bookkeeping row.</summary>
    public DbSet<StoreState> StoreState => Set<StoreState>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StoreDbContext).Assembly);
}
