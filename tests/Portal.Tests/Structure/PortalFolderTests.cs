namespace SecondaryPortal.Portal.Tests.Structure;

/// <summary>The portal's folders by concern: no two folders (namespaces) use each other, directly or through others.</summary>
public sealed class PortalFolderTests
{
    private static readonly Lazy<PortalFolderGraph> Graph = new(() => PortalFolderGraph.Read(Path.Combine(RepositoryRoot(), "src", "Portal")));

    [Fact]
    public void PortalNamespaces_FormNoCycle()
    {
        var cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, "namespaces of src/Portal that reach each other:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void PortalTopFolders_FormNoCycle()
    {
        var cycles = Graph.Value.Collapse(1).Cycles();
        Assert.True(cycles.Count == 0, "folders of src/Portal that reach each other:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void Graph_SeesUsesThroughUsingsImportsAndExtensionMethods()
    {
        var edges = Graph.Value.Edges;
        Assert.Contains("ZoneNames", edges[("SecondaryPortal.Portal.Services.Primaries", "SecondaryPortal.Portal.Services.Zones")]);
        Assert.Contains("TimeAgo", edges[("SecondaryPortal.Portal.Components.Pages.Zones", "SecondaryPortal.Portal.Components.Shared")]);
        Assert.Contains("MapHealthEndpoints()", edges[("SecondaryPortal.Portal.Hosting", "SecondaryPortal.Portal.Endpoints")]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SecondaryPortal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("SecondaryPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
