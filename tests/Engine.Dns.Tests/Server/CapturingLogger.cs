using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>Keeps the server's log entries so tests can look for failures.</summary>
internal sealed class CapturingLogger : ILogger<DnsServer>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Entries { get; } = new();

    public int Count(int eventId) => Entries.Count(e => e.Id.Id == eventId);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
}
