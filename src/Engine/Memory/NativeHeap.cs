using System.Runtime.InteropServices;

namespace SecondaryPortal.Engine.Memory;

/// <summary>The C library's heap, where SQLite and the runtime allocate.</summary>
internal static class NativeHeap
{
    /// <summary>
    /// Gives the C heap's free pages back to the system (glibc's malloc_trim(3)): the threads of a burst leave free memory in
    /// their malloc arenas that glibc keeps for reuse. Does nothing where glibc is not the C library.
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl (Alpine) has no malloc_trim: its heap returns memory by itself.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
