using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>
/// One TCP client of the fuzz run: what it sends (in chunks), how it ends (half-close, reset, or walking
/// away) and, when the input is well formed, how many answers it must get. A half-closed stream must
/// always be closed by the server: whatever the bytes, the server reaches their end and hangs up.
/// </summary>
internal sealed class FuzzStream
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WalkAwayAfter = TimeSpan.FromMilliseconds(300);

    private FuzzStream(string kind, Ending ending, int expectedAnswers, params byte[][] chunks)
    {
        Kind = kind;
        End = ending;
        ExpectedAnswers = expectedAnswers;
        Chunks = chunks;
    }

    private enum Ending { HalfClose, Reset, WalkAway }

    public string Kind { get; }

    private Ending End { get; }

    /// <summary>Answers the server must send, or -1 when the input is not known to be valid.</summary>
    private int ExpectedAnswers { get; }

    private byte[][] Chunks { get; }

    public static FuzzStream Create(Random random, int index)
    {
        byte[] Valid() => FuzzInput.ValidQuery(random);
        switch (index % 9)
        {
            case 0:
                return new("random bytes", Ending.HalfClose, -1, FuzzInput.RandomBytes(random, 1 + random.Next(3000)));
            case 1:
                int count = 1 + random.Next(5);
                return new("valid queries", Ending.HalfClose, count, Frame([.. Enumerable.Range(0, count).Select(_ => Valid())]));
            case 2:
                var messages = Enumerable.Range(0, 1 + random.Next(5))
                    .Select(_ => random.Next(3) == 0 ? FuzzInput.Mutate(FuzzInput.CorpusMessage(random), random) : FuzzInput.Mutate(Valid(), random))
                    .Where(m => m.Length > 0).ToArray();
                return new("mutated messages", Ending.HalfClose, -1, Frame([Valid(), .. messages]));
            case 3:
                return BogusPrefix(random, random.Next(2) == 0 ? Ending.HalfClose : Ending.WalkAway);
            case 4:
                return new("zero length after a query", Ending.WalkAway, 1, [.. Frame(Valid()), 0, 0, .. Frame(Valid())]);
            case 5:
                return new("half-closed at once", Ending.HalfClose, 0);
            case 6:
                var cut = Frame(Valid());
                return new("reset inside a message", Ending.Reset, -1, cut[..random.Next(1, cut.Length)]);
            case 7:
                var whole = Frame(Valid());
                int first = random.Next(1, whole.Length - 1), second = random.Next(first, whole.Length);
                return new("query in three chunks", Ending.HalfClose, 1, whole[..first], whole[first..second], whole[second..]);
            default:
                return new("one prefix octet", Ending.HalfClose, 0, [(byte)random.Next(256)]);
        }
    }

    /// <summary>Runs the client; returns "kind: outcome", or "FAILED ..." when the server misbehaved.</summary>
    public async Task<string> RunAsync(IPEndPoint server)
    {
        using var socket = await ConnectTcpAsync(server);
        try
        {
            for (int i = 0; i < Chunks.Length; i++)
            {
                if (i > 0)
                    await Task.Delay(10);
                await SendAsync(socket, Chunks[i]);
            }
        }
        catch (SocketException)
        {
            return $"{Kind}: closed by the server while sending";
        }
        if (End == Ending.Reset)
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return $"{Kind}: reset by the client";
        }
        if (End == Ending.HalfClose)
            socket.Shutdown(SocketShutdown.Send);
        var (received, closed) = await DrainAsync(socket, End == Ending.HalfClose ? CloseWait : WalkAwayAfter);
        int answers = CountFrames(received);
        if (ExpectedAnswers >= 0 && answers != ExpectedAnswers)
            return $"FAILED {Kind}: {answers} answers, expected {ExpectedAnswers}";
        if (End == Ending.HalfClose && !closed)
            return $"FAILED {Kind}: the server kept a half-closed connection open";
        return $"{Kind}: {(closed ? "closed by the server" : "left by the client")}";
    }

    private static FuzzStream BogusPrefix(Random random, Ending ending)
    {
        int promised = 1 + random.Next(ushort.MaxValue);
        var bytes = new byte[2 + random.Next(Math.Min(promised, 2000))];
        random.NextBytes(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)promised);
        return new($"bogus length prefix, {ending}", ending, 0, bytes);
    }

    private static async Task<(List<byte> Received, bool Closed)> DrainAsync(Socket socket, TimeSpan wait)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                int count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                if (count == 0)
                    return (received, true);
                received.AddRange(buffer.AsSpan(0, count));
            }
        }
        catch (SocketException)
        {
            return (received, true);
        }
        catch (OperationCanceledException)
        {
            return (received, false);
        }
    }

    private static int CountFrames(List<byte> bytes)
    {
        int count = 0;
        for (int at = 0; at + 2 <= bytes.Count; count++)
            at += 2 + (bytes[at] << 8 | bytes[at + 1]);
        return count;
    }
}
