using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>A logger provider that keeps every entry (for assertions) and writes it to the test's output when given.</summary>
public sealed class CapturedLogs(ITestOutputHelper? output = null) : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILoggerFactory Factory => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    public bool Contains(LogLevel level, string text) =>
        Entries.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            string message = formatter(state, exception) + (exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message);
            owner.Entries.Enqueue(new Entry(logLevel, category, message));
            try
            {
                owner._output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category[(category.LastIndexOf('.') + 1)..]}: {message}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended; its output is closed.
            }
        }
    }

    private readonly ITestOutputHelper? _output = output;
}
