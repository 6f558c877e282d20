using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Wire;

public sealed class SerialNumberTests
{
    [Theory]
    [InlineData(2u, 1u)]
    [InlineData(0u, 4294967295u)]           // wrapped past 2^32 - 1
    [InlineData(100u, 4294967200u)]
    [InlineData(2147483647u, 0u)]           // 2^31 - 1 ahead is still newer
    public void IsNewerThan_FollowsRfc1982(uint newer, uint older)
    {
        Assert.True(new SerialNumber(newer).IsNewerThan(new SerialNumber(older)));
        Assert.True(new SerialNumber(older).IsOlderThan(new SerialNumber(newer)));
        Assert.False(new SerialNumber(older).IsNewerThan(new SerialNumber(newer)));
    }

    [Fact]
    public void CompareSequence_IsUndefinedExactlyHalfwayAround()
    {
        Assert.Null(new SerialNumber(0).CompareSequence(new SerialNumber(2147483648u)));
        Assert.Equal(0, new SerialNumber(5).CompareSequence(new SerialNumber(5)));
    }

    [Fact]
    public void Add_WrapsAround_AndRejectsIncrementsOfHalfTheSpace()
    {
        Assert.Equal(4u, new SerialNumber(4294967290u).Add(10).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SerialNumber(1).Add(2147483648u));
    }
}
