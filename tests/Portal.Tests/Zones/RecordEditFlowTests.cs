using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>An authoritative zone's records edited through the zone page's forms, and what our DNS listener answers after.</summary>
public sealed class RecordEditFlowTests
{
    [Fact]
    public async Task AddRecord_ThroughTheForm_IsServedByOurListener_WithAHigherSerial()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "edit.example.", alice, serial: 5);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");
        var udp = Assert.Single(portal.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints);
        await WaitUntilAsync(async () => (await DnsProbe.QueryUdpAsync(udp, "edit.example.", RecordType.SOA)).Answers.Count > 0);
        var page = await browser.PageAsync($"/zones/{id}?tab=records");

        var (_, after) = await browser.SubmitAndReadAsync(page, "#add-record", new Dictionary<string, string>
        {
            ["Record.Name"] = "api", ["Record.Ttl"] = "600", ["Record.Type"] = "A", ["Record.Data"] = "192.0.2.99",
        });

        Assert.Equal("alert alert-success", after!.QuerySelector("[data-testid=form-message]")!.GetAttribute("class"));
        Assert.Contains(after.QuerySelectorAll("#records tbody tr"), row => row.TextContent.Contains("192.0.2.99", StringComparison.Ordinal));
        await WaitUntilAsync(async () => (await DnsProbe.QueryUdpAsync(udp, "api.edit.example.", RecordType.A)).Answers.Count > 0);
        var answer = await DnsProbe.QueryUdpAsync(udp, "api.edit.example.", RecordType.A);
        Assert.Equal(IPAddress.Parse("192.0.2.99"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
        var soa = Assert.IsType<SoaData>(Assert.Single((await DnsProbe.QueryUdpAsync(udp, "edit.example.", RecordType.SOA)).Answers).Data);
        Assert.True(new SerialNumber(soa.Serial).IsNewerThan(new SerialNumber(5)), $"serial {soa.Serial}");
    }

    [Fact]
    public async Task AddRecord_WithBadData_ShowsTheEditorsMessageBesideTheField_AndChangesNothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "bad.example.", alice, serial: 5);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");
        var page = await browser.PageAsync($"/zones/{id}?tab=records");

        var (_, after) = await browser.SubmitAndReadAsync(page, "#add-record", new Dictionary<string, string>
        {
            ["Record.Name"] = "api", ["Record.Ttl"] = "", ["Record.Type"] = "A", ["Record.Data"] = "192.0.2.999",
        });
        var (_, badTtl) = await browser.SubmitAndReadAsync(page, "#add-record", new Dictionary<string, string>
        {
            ["Record.Name"] = "api", ["Record.Ttl"] = "soon", ["Record.Type"] = "A", ["Record.Data"] = "192.0.2.9",
        });

        Assert.NotEmpty(after!.QuerySelector("#add-record [data-field=Data]")!.TextContent);
        Assert.Contains("is-invalid", after.QuerySelector("#add-data")!.ClassList);
        Assert.Equal("192.0.2.999", after.QuerySelector("#add-data")!.GetAttribute("value"));
        Assert.Contains("TTL in seconds", badTtl!.QuerySelector("#add-record [data-field=Ttl]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", after.QuerySelector("#zone-status [data-testid=serial]")!.TextContent);
        Assert.Equal("5 of 5 records", after.QuerySelector("#record-count")!.TextContent);
    }

    [Fact]
    public async Task EditAndDeleteRecord_ThroughTheRowForms_ChangeTheZone()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "rows.example.", alice, serial: 5);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");
        var list = await browser.PageAsync($"/zones/{id}?tab=records&rq=www");
        string editLink = list.QuerySelector("#records a[aria-label^='Edit www.rows.example.']")!.GetAttribute("href")!;

        var editing = await browser.PageAsync("/" + editLink);
        using var saved = await browser.SubmitAsync(editing, "#edit-record", new Dictionary<string, string> { ["Record.Data"] = "192.0.2.77" });
        var afterEdit = await browser.PageAsync($"/zones/{id}?tab=records&rq=www");
        var (_, afterDelete) = await browser.SubmitAndReadAsync(afterEdit, "#records form[data-delete]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("192.0.2.77", afterEdit.QuerySelector("#records tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.1", afterEdit.QuerySelector("#records tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert alert-success", afterDelete!.QuerySelector("[data-testid=form-message]")!.GetAttribute("class"));
        Assert.NotNull(afterDelete.QuerySelector("#no-records"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not true within 15 s");
            await Task.Delay(50);
        }
    }
}
