using System.Net;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

public sealed class TransferConfigSnippetsTests
{
    private static readonly SnippetZone Signed = new("example.com", IPAddress.Parse("198.51.100.7"), IPEndPoint.Parse("198.51.100.7:5300"),
        "transfer.example.com", "hmac-sha256", "SECRET");

    private static readonly SnippetZone Unsigned = Signed with { KeyName = null };

    [Fact]
    public void Bind_WithAKey_DeclaresIt_AllowsTransfersByKey_AndNotifiesOurListener()
    {
        string text = TransferConfigSnippets.Bind(Signed).Text;
        Assert.Contains("key \"transfer.example.com\" {\n    algorithm hmac-sha256;\n    secret \"SECRET\";\n};", text, StringComparison.Ordinal);
        Assert.Contains("zone \"example.com\" {", text, StringComparison.Ordinal);
        Assert.Contains("allow-transfer { key \"transfer.example.com\"; };", text, StringComparison.Ordinal);
        Assert.Contains("also-notify { 198.51.100.7 port 5300 key \"transfer.example.com\"; };", text, StringComparison.Ordinal);
        Assert.Contains("allow-transfer { 198.51.100.7; };", TransferConfigSnippets.Bind(Unsigned).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("key", TransferConfigSnippets.Bind(Unsigned).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Knot_WithAKey_HasKeyRemoteAclAndZone()
    {
        string text = TransferConfigSnippets.Knot(Signed).Text;
        Assert.Contains("key:\n  - id: transfer.example.com\n    algorithm: hmac-sha256\n    secret: SECRET", text, StringComparison.Ordinal);
        Assert.Contains("remote:\n  - id: secondaryportal\n    address: 198.51.100.7@5300\n    key: transfer.example.com", text, StringComparison.Ordinal);
        Assert.Contains("acl:\n  - id: secondaryportal-transfer\n    address: 198.51.100.7\n    key: transfer.example.com\n    action: transfer", text, StringComparison.Ordinal);
        Assert.Contains("zone:\n  - domain: example.com\n    notify: secondaryportal\n    acl: secondaryportal-transfer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key", TransferConfigSnippets.Knot(Unsigned).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nsd_ProvidesTransfersAndNotifies_WithTheKeyOrNoKey()
    {
        string text = TransferConfigSnippets.Nsd(Signed).Text;
        Assert.Contains("key:\n    name: \"transfer.example.com\"\n    algorithm: hmac-sha256\n    secret: \"SECRET\"", text, StringComparison.Ordinal);
        Assert.Contains("provide-xfr: 198.51.100.7 transfer.example.com", text, StringComparison.Ordinal);
        Assert.Contains("notify: 198.51.100.7@5300 transfer.example.com", text, StringComparison.Ordinal);
        string unsigned = TransferConfigSnippets.Nsd(Unsigned).Text;
        Assert.Contains("provide-xfr: 198.51.100.7 NOKEY", unsigned, StringComparison.Ordinal);
        Assert.Contains("notify: 198.51.100.7@5300 NOKEY", unsigned, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerDns_ImportsTheKey_AndSetsTheZoneMetadata()
    {
        string text = TransferConfigSnippets.PowerDns(Signed).Text;
        Assert.Contains("pdnsutil import-tsig-key transfer.example.com hmac-sha256 'SECRET'", text, StringComparison.Ordinal);
        Assert.Contains("pdnsutil set-meta example.com TSIG-ALLOW-AXFR transfer.example.com", text, StringComparison.Ordinal);
        Assert.Contains("pdnsutil set-meta example.com ALLOW-AXFR-FROM 198.51.100.7", text, StringComparison.Ordinal);
        Assert.Contains("pdnsutil set-meta example.com ALSO-NOTIFY 198.51.100.7:5300", text, StringComparison.Ordinal);
        var v6 = Unsigned with { Notify = IPEndPoint.Parse("[2001:db8::7]:53") };
        Assert.Contains("ALSO-NOTIFY [2001:db8::7]:53", TransferConfigSnippets.PowerDns(v6).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_GivesTheFourServers_WithAPlaceholderForTheSecret()
    {
        var snippets = TransferConfigSnippets.For("example.com.", IPAddress.Loopback, IPEndPoint.Parse("127.0.0.1:5300"), "k.example.", "hmac-sha512");
        Assert.Equal(["BIND 9", "Knot DNS", "NSD", "PowerDNS"], snippets.Select(s => s.Server));
        Assert.All(snippets, s => Assert.Contains(TransferConfigSnippets.DefaultSecretPlaceholder, s.Text, StringComparison.Ordinal));
        Assert.All(snippets, s => Assert.Contains("hmac-sha512", s.Text, StringComparison.Ordinal));
    }
}
