namespace SecondaryPortal.E2E.Tests.Support;

/// <summary>Where the repository, the built portal and the screenshot folder are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding SecondaryPortal.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Release in CI), which the portal was built with too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The portal's built binary.</summary>
    public static string PortalBinary => Path.Combine(Root, "src", "Portal", "bin", Configuration, "net10.0", "SecondaryPortal.Portal.dll");

    /// <summary>The folder screenshots go to (TestResults/e2e, kept by CI as artifacts).</summary>
    public static string Screenshots { get; } = Path.Combine(Root, "TestResults", "e2e");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SecondaryPortal.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("the repository root (SecondaryPortal.sln) is not above " + AppContext.BaseDirectory);
    }
}
