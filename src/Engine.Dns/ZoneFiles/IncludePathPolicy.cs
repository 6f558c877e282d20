namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// Where $INCLUDE may read from: only files inside the top file's folder (or the folder the caller named).
/// Relative paths are taken from that folder, for the top file and every nested include alike (BIND takes
/// them from its working directory, which is the same folder when named-checkzone runs there). An absolute
/// path outside the folder, a ".." that climbs out of it, or a symbolic link that leads out of it is refused:
/// a zone uploaded by a customer must not read the server's files.
/// </summary>
internal sealed class IncludePathPolicy
{
    private const int MaxLinkHops = 40;

    private readonly string _root;
    private readonly string _rootWithSeparator;

    /// <summary>Allows files in <paramref name="rootDirectory"/> and below.</summary>
    public IncludePathPolicy(string rootDirectory)
    {
        _root = RealPath(Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory)));
        _rootWithSeparator = _root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar;
    }

    /// <summary>The folder, with symbolic links resolved.</summary>
    public string Root => _root;

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The real path of the file <paramref name="argument"/> names, or null with <paramref name="error"/>
    /// saying why it may not be read.
    /// </summary>
    public string? Resolve(string argument, out string error)
    {
        error = "";
        if (argument.Length == 0 || argument.Contains('\0'))
        {
            error = "the $INCLUDE file name is empty or holds a NUL character";
            return null;
        }
        string full = Path.GetFullPath(Path.IsPathRooted(argument) ? argument : Path.Combine(_root, argument));
        if (!IsInside(full))
        {
            error = $"$INCLUDE '{argument}' is outside the zone's folder; only files inside '{_root}' may be included";
            return null;
        }
        string real = RealPath(full);
        if (!IsInside(real))
        {
            error = $"$INCLUDE '{argument}' leads outside the zone's folder through a symbolic link; only files inside '{_root}' may be included";
            return null;
        }
        return real;
    }

    /// <summary>Resolves the real path of the top file itself, so include loops through it are caught.</summary>
    public static string RealPathOf(string path) => RealPath(Path.GetFullPath(path));

    private bool IsInside(string path) => path.StartsWith(_rootWithSeparator, PathComparison);

    /// <summary>
    /// The path with every symbolic link along it resolved (like realpath(3)); parts that do not exist are
    /// kept as they are. A loop of links stops after <see cref="MaxLinkHops"/> hops and leaves the path as is.
    /// </summary>
    private static string RealPath(string fullPath, int hops = 0)
    {
        string current = Path.GetPathRoot(fullPath) ?? "";
        var parts = fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null && hops < MaxLinkHops)
            {
                string target = Path.GetFullPath(info.LinkTarget, current);
                next = RealPath(target, hops + 1);
            }
            current = next;
        }
        return current;
    }
}
