using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Engine.Tests.Outbound;

/// <summary>A logger that keeps every entry with its structured fields, for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        Entries.Enqueue(new Entry(logLevel, formatter(state, exception), fields));
    }
}
