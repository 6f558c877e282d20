using System.Runtime.InteropServices;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// recvmmsg(2) and sendmmsg(2): many datagrams per system call, as NSD and Knot serve UDP. Layouts are
/// those of 64-bit Linux (glibc and musl agree on them).
/// </summary>
internal static unsafe partial class LinuxMultiMessage
{
    /// <summary>recvmmsg: block for the first datagram only, then take what is already queued.</summary>
    public const int MsgWaitForOne = 0x10000;

    /// <summary>msg_flags: the datagram was longer than the buffer.</summary>
    public const int MsgTrunc = 0x20;

    public const int EINTR = 4;
    public const int EAGAIN = 11;

    /// <summary>True where the layouts below hold: 64-bit Linux.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess
        && sizeof(MessageHeader) == 56 && sizeof(MultiMessageHeader) == 64;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MultiMessageHeader
    {
        public MessageHeader Header;
        public uint Length;
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int ReceiveMany(nint socket, MultiMessageHeader* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMany(nint socket, MultiMessageHeader* messages, uint count, int flags);
}
