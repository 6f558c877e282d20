using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>Accepts TCP connections on one listening socket and hands them to the connection table.</summary>
internal sealed class TcpAcceptLoop(Socket listener, IPEndPoint endpoint, TcpConnectionTable table, ListenerServices services)
{
    /// <summary>Pause after an accept error such as "too many open files", so the loop does not spin.</summary>
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(50);

    private volatile bool _stopping;

    /// <summary>Completes when the loop has ended.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Closes the listening socket; the pending accept fails and the loop ends.</summary>
    public void Stop()
    {
        _stopping = true;
        listener.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stopping)
            {
                return;
            }
            catch (SocketException exception)
            {
                services.TcpAcceptFailed(endpoint, exception);
                await Task.Delay(ErrorPause).ConfigureAwait(false);
                continue;
            }
            Admit(client);
        }
    }

    private void Admit(Socket client)
    {
        TcpConnection connection;
        try
        {
            // Responses are written whole, one call each: Nagle would only delay the next pipelined answer.
            client.NoDelay = true;
            connection = new TcpConnection(client, services);
        }
        catch (SocketException)
        {
            client.Dispose(); // the client reset the connection before we looked at it
            return;
        }
        table.Admit(connection);
    }
}
