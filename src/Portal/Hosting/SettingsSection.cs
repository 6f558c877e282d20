namespace SecondaryPortal.Portal.Hosting;

/// <summary>How every settings section is read: bound to its options type, and a bad value named by section and key.</summary>
internal static class SettingsSection
{
    /// <summary>The <paramref name="section"/> bound to <typeparamref name="T"/>, defaults for keys not set.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be read as its type; the message names the section.</exception>
    public static T Read<T>(IConfiguration configuration, string section) where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{section}: {e.Message}", e);
        }
    }

    /// <summary>Stops the start with "Section:Key rule." unless <paramref name="condition"/> holds.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false.</exception>
    public static void Require(bool condition, string section, string key, string rule)
    {
        if (!condition)
            throw new InvalidOperationException($"{section}:{key} {rule}.");
    }
}
