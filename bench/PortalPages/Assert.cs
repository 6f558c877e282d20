// The linked peer files (PeerServer, DnsUpdate) check with xunit's Assert.True; a console benchmark throws instead.
internal static class Assert
{
    public static void True(bool condition, string? message = null)
    {
        if (!condition)
            throw new InvalidOperationException(message ?? "check failed");
    }
}
