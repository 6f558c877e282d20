using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One UDP socket served by a dedicated thread (not the thread pool) until stopped. Subclasses supply
/// the loop body; stopping closes the socket, which wakes a blocked receive.
/// </summary>
internal abstract class UdpServingLoop
{
    private readonly Thread _thread;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    protected UdpServingLoop(Socket socket, IPEndPoint endpoint, int index, ListenerServices services)
    {
        Socket = socket;
        Endpoint = endpoint;
        Services = services;
        _thread = new Thread(RunThread) { IsBackground = true, Name = $"DNS UDP {endpoint} #{index}" };
    }

    /// <summary>Completes when the thread has left its loop.</summary>
    public Task Completion => _completion.Task;

    protected Socket Socket { get; }

    protected IPEndPoint Endpoint { get; }

    protected ListenerServices Services { get; }

    /// <summary>True once <see cref="Stop"/> was called: errors from then on are the way out, not failures.</summary>
    protected bool Stopping => _stopping;

    public void Start() => _thread.Start();

    /// <summary>Ends the loop and closes the socket.</summary>
    public void Stop()
    {
        _stopping = true;
        Socket.Dispose();
    }

    /// <summary>Serves datagrams until <see cref="Stopping"/>.</summary>
    protected abstract void Run();

    private void RunThread()
    {
        try
        {
            Run();
        }
        catch (Exception) when (_stopping)
        {
            // the socket was closed under a blocked call: the expected way out
        }
        finally
        {
            _completion.TrySetResult();
        }
    }
}
