using SecondaryPortal.Portal.Components.Pages.Primaries;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The primary form rendered as static rendering does, asserted on its HTML (the zone page's components are tested in bUnit: ZonePageComponentTests).</summary>
public sealed class ZoneComponentTests
{
    [Fact]
    public async Task PrimaryForm_ShowsEachMessageBesideItsField()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var errors = new Dictionary<string, string> { ["Address"] = "Enter an IPv4 or IPv6 address.", ["Port"] = "Enter a port from 1 to 65535." };

        var html = await ComponentRenderer.RenderAsync<PrimaryForm>(host.Services, new Dictionary<string, object?>
        {
            ["Fields"] = new PrimaryFields { Name = "office", Address = "1.2.3", Port = "x" }, ["Errors"] = errors, ["Keys"] = new[] { "k1." },
        });

        Assert.Equal("Enter an IPv4 or IPv6 address.", html.QuerySelector("[data-field=Address]")!.TextContent);
        Assert.Equal("Enter a port from 1 to 65535.", html.QuerySelector("[data-field=Port]")!.TextContent);
        Assert.Null(html.QuerySelector("[data-field=Name]"));
        Assert.Contains("is-invalid", html.QuerySelector("input[name='Fields.Address']")!.ClassList);
        Assert.Equal("1.2.3", html.QuerySelector("input[name='Fields.Address']")!.GetAttribute("value"));
    }
}
