namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>Small master files for the tests.</summary>
public static class ZoneTexts
{
    public static string Simple(string origin, uint serial, string address = "192.0.2.1") =>
        $"""
        $ORIGIN {origin}
        $TTL 300
        @       IN SOA ns1 hostmaster {serial} 7200 900 1209600 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        www     IN A   {address}
        Mixed   IN TXT "hello world"
        """;
}
