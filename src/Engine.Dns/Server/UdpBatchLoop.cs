using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using static SecondaryPortal.Dns.Server.LinuxMultiMessage;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One UDP socket served by a dedicated thread that takes up to <see cref="Batch"/> datagrams per
/// recvmmsg(2) call and sends the answers with one sendmmsg(2) call. Under load this divides the system
/// calls and wake-ups per query by the batch size, which is where most of a UDP server's CPU goes; when
/// idle it behaves like a blocking receive. Buffers are native, allocated once per loop. Linux only
/// (<see cref="LinuxMultiMessage.IsSupported"/>); elsewhere <see cref="UdpReceiveLoop"/> serves.
/// </summary>
internal sealed unsafe class UdpBatchLoop : UdpServingLoop
{
    private const int Batch = 32;
    private const int Slot = ushort.MaxValue; // any datagram fits, nothing is truncated
    private const int AddressSlot = 128;      // sizeof(struct sockaddr_storage)

    public UdpBatchLoop(Socket socket, IPEndPoint endpoint, int index, ListenerServices services)
        : base(socket, endpoint, index, services)
    {
        // No receive timeout: an idle server does not wake.
        // Stop wakes the blocked recvmmsg: disposing a socket whose handle is in use (the loop holds a reference while it
        // runs) shuts it down and waits for the loop to let go before closing it.
        socket.Blocking = true;
    }

    protected override void Run()
    {
        bool added = false;
        var buffers = new NativeBuffers();
        try
        {
            Socket.SafeHandle.DangerousAddRef(ref added);
            nint fd = Socket.SafeHandle.DangerousGetHandle();
            var remote = new SocketAddress(Socket.AddressFamily, SocketAddress.GetMaximumAddressSize(Socket.AddressFamily));
            while (!Stopping)
                ServeBatch(fd, buffers, remote);
        }
        finally
        {
            if (added)
                Socket.SafeHandle.DangerousRelease();
            buffers.Free();
        }
    }

    private void ServeBatch(nint fd, NativeBuffers buffers, SocketAddress remote)
    {
        buffers.PrepareReceive();
        int received = ReceiveMany(fd, buffers.Received, Batch, MsgWaitForOne, null);
        if (received <= 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (received < 0 && errno is not (EAGAIN or EINTR) && !Stopping)
                Services.UdpReceiveFailed(Endpoint, new SocketException(errno));
            return;
        }
        int answers = 0;
        for (int i = 0; i < received; i++)
        {
            ref var message = ref buffers.Received[i];
            int nameLength = (int)message.Header.NameLength;
            new ReadOnlySpan<byte>(message.Header.Name, nameLength).CopyTo(remote.Buffer.Span);
            remote.Size = nameLength;
            var request = new ReadOnlySpan<byte>(buffers.Request(i), (int)message.Length);
            var response = new Span<byte>(buffers.Response(answers), Slot);
            int length = Services.Answer(request, response, new DnsRequestContext(DnsTransport.Udp, remote));
            if (length > 0)
                buffers.PrepareSend(answers++, message.Header.Name, (uint)nameLength, length);
        }
        SendAll(fd, buffers, answers, remote);
    }

    private void SendAll(nint fd, NativeBuffers buffers, int count, SocketAddress remote)
    {
        int sent = 0;
        while (sent < count)
        {
            int result = SendMany(fd, buffers.Sending + sent, (uint)(count - sent), 0);
            if (result > 0)
            {
                sent += result;
                continue;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR)
                continue;
            if (Stopping)
                return;
            // The first unsent answer failed (unreachable client, spoofed source ...): skip it, send the rest.
            ref var failed = ref buffers.Sending[sent];
            new ReadOnlySpan<byte>(failed.Header.Name, (int)failed.Header.NameLength).CopyTo(remote.Buffer.Span);
            remote.Size = (int)failed.Header.NameLength;
            Services.UdpSendFailed((int)failed.Header.Vectors->Length, remote, new SocketException(errno));
            sent++;
        }
    }

    /// <summary>Headers, vectors, addresses and payload buffers for one batch, in unmanaged memory.</summary>
    private sealed class NativeBuffers
    {
        private readonly byte* _requests = (byte*)NativeMemory.Alloc((nuint)Batch * Slot);
        private readonly byte* _responses = (byte*)NativeMemory.Alloc((nuint)Batch * Slot);
        private readonly byte* _addresses = (byte*)NativeMemory.AllocZeroed((nuint)Batch * AddressSlot);
        private readonly IoVector* _receiveVectors = (IoVector*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(IoVector)));
        private readonly IoVector* _sendVectors = (IoVector*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(IoVector)));

        public MultiMessageHeader* Received { get; } = (MultiMessageHeader*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(MultiMessageHeader)));

        public MultiMessageHeader* Sending { get; } = (MultiMessageHeader*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(MultiMessageHeader)));

        public byte* Request(int index) => _requests + (nint)index * Slot;

        public byte* Response(int index) => _responses + (nint)index * Slot;

        /// <summary>The kernel overwrites lengths and flags on every call: reset them.</summary>
        public void PrepareReceive()
        {
            for (int i = 0; i < Batch; i++)
            {
                _receiveVectors[i] = new IoVector { Base = Request(i), Length = Slot };
                Received[i] = new MultiMessageHeader
                {
                    Header = new MessageHeader { Name = _addresses + (nint)i * AddressSlot, NameLength = AddressSlot, Vectors = _receiveVectors + i, VectorCount = 1 },
                };
            }
        }

        /// <summary>Queues answer <paramref name="index"/> to the address its request came from.</summary>
        public void PrepareSend(int index, byte* address, uint addressLength, int length)
        {
            _sendVectors[index] = new IoVector { Base = Response(index), Length = (nuint)length };
            Sending[index] = new MultiMessageHeader
            {
                Header = new MessageHeader { Name = address, NameLength = addressLength, Vectors = _sendVectors + index, VectorCount = 1 },
            };
        }

        public void Free()
        {
            NativeMemory.Free(_requests);
            NativeMemory.Free(_responses);
            NativeMemory.Free(_addresses);
            NativeMemory.Free(_receiveVectors);
            NativeMemory.Free(_sendVectors);
            NativeMemory.Free(Received);
            NativeMemory.Free(Sending);
        }
    }
}
