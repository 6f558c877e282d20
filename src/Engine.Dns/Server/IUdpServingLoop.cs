namespace SecondaryPortal.Dns.Server;

/// <summary>A thread that serves one UDP socket until stopped.</summary>
internal interface IUdpServingLoop
{
    /// <summary>Completes when the thread has left its loop.</summary>
    Task Completion { get; }

    void Start();

    /// <summary>Ends the loop and closes the socket.</summary>
    void Stop();
}
