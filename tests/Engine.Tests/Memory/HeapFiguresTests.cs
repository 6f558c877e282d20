using SecondaryPortal.Engine.Memory;

namespace SecondaryPortal.Engine.Tests.Memory;

public sealed class HeapFiguresTests
{
    private const long MiB = 1 << 20, Minimum = 64 * MiB, MaximumLive = 128 * MiB;

    [Fact]
    public void ABurstsGarbage_LargerThanWhatLives_IsWorthCompacting()
    {
        var heap = new HeapFigures(CommittedBytes: 191 * MiB, LiveBytes: 65 * MiB);

        Assert.Equal(126 * MiB, heap.GarbageBytes);
        Assert.True(heap.WorthCompacting(Minimum, MaximumLive));
    }

    [Theory]
    [InlineData(100, 60)]  // less garbage (40 MiB) than the minimum
    [InlineData(300, 160)] // less garbage than what lives
    [InlineData(400, 130)] // the live heap is too large: the pause would be too long
    public void OtherHeaps_AreLeftAsTheyAre(long committed, long live)
    {
        var heap = new HeapFigures(committed * MiB, live * MiB);

        Assert.False(heap.WorthCompacting(Minimum, MaximumLive));
    }
}
