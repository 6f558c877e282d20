using SecondaryPortal.Engine.Memory;

namespace SecondaryPortal.Engine.Tests.Memory;

public sealed class AllocationBurstTests
{
    private const long Burst = 64, Quiet = 4;

    [Fact]
    public void ABurstThenAQuietInterval_EndsTheBurst_Once()
    {
        var burst = new AllocationBurst(Burst, Quiet);

        bool during = burst.EndedWith(100);
        bool after = burst.EndedWith(102);
        bool stillQuiet = burst.EndedWith(103);

        Assert.Equal((false, true, false), (during, after, stillQuiet));
        Assert.True(burst.WasQuiet);
    }

    [Fact]
    public void ABusyProcess_NeverReadsAsQuiet()
    {
        var burst = new AllocationBurst(Burst, Quiet);

        Assert.All(Enumerable.Range(1, 20), i => Assert.False(burst.EndedWith(i * 50)));
        Assert.False(burst.WasQuiet);
    }

    [Fact]
    public void AQuietProcessWithoutABurst_IsLeftAlone()
    {
        var burst = new AllocationBurst(Burst, Quiet);

        Assert.All(Enumerable.Range(1, 20), i => Assert.False(burst.EndedWith(i * 3)));
    }

    [Fact]
    public void SmallAllocationsAddingUpToABurst_CountAsOne_OnceTheyStop()
    {
        var burst = new AllocationBurst(Burst, Quiet);
        long allocated = 0;
        for (int i = 0; i < 15; i++)
            Assert.False(burst.EndedWith(allocated += 5)); // 75 bytes in steps just over quiet

        Assert.True(burst.EndedWith(allocated + 1));
    }

    [Fact]
    public void TheNextBurst_IsCountedFromTheLastCollection()
    {
        var burst = new AllocationBurst(Burst, Quiet);
        burst.EndedWith(100);
        Assert.True(burst.EndedWith(100));

        bool afterASmallOne = burst.EndedWith(130) || burst.EndedWith(130);
        bool afterABigOne = burst.EndedWith(200) || burst.EndedWith(200);

        Assert.Equal((false, true), (afterASmallOne, afterABigOne));
    }
}
