namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Lets a service outside the Engine that changes the secondary zones' settings in the store (the portal's saved
/// primaries carry a new address over to the zones that use it) tell the transfer engine, which polls the settings
/// version and reloads the zones' primaries when it moves.
/// </summary>
public static class StoreSettingsVersion
{
    /// <summary>Advances the settings version inside <paramref name="context"/>'s current transaction; returns the new value.</summary>
    public static Task<long> AdvanceAsync(StoreDbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken);
    }
}
