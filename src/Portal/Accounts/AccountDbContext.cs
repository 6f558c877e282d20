using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Accounts and API tokens (ASP.NET Core Identity), in the same database as the Engine's store but with their own
/// migrations (Accounts/Migrations, history table <see cref="MigrationsHistoryTable"/>), so the Engine never depends on
/// ASP.NET. The schema comes only from those hand-written migrations.
/// </summary>
public sealed class AccountDbContext(DbContextOptions<AccountDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    /// <summary>The migrations history table of this context (the Engine's store keeps the default one).</summary>
    public const string MigrationsHistoryTable = "__AccountMigrationsHistory";

    /// <summary>The accounts' API tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("ApiTokens");
            token.Property(t => t.UserId).HasMaxLength(450);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
