using Microsoft.Extensions.Configuration;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Tests.Memory;

public sealed class MemoryConfigurationTests
{
    [Fact]
    public void Options_WithoutAMemorySection_ReclaimAfterBurstsOf64MegabytesCheckedEvery30Seconds()
    {
        var options = MemoryConfiguration.Options(Configuration());

        Assert.Equal((true, TimeSpan.FromSeconds(30), 64L, 4L),
            (options.ReclaimAfterBursts, options.CheckInterval, options.BurstMegabytes, options.QuietMegabytes));
    }

    [Fact]
    public void Options_ReadTheMemorySection()
    {
        var options = MemoryConfiguration.Options(Configuration(("ReclaimAfterBursts", "false"), ("CheckInterval", "00:02:00"),
            ("BurstMegabytes", "256"), ("QuietMegabytes", "16")));

        Assert.Equal((false, TimeSpan.FromMinutes(2), 256L, 16L),
            (options.ReclaimAfterBursts, options.CheckInterval, options.BurstMegabytes, options.QuietMegabytes));
    }

    [Theory]
    [InlineData("CheckInterval", "00:00:00", "Memory:CheckInterval must be longer than zero.")]
    [InlineData("BurstMegabytes", "0", "Memory:BurstMegabytes must be at least 1.")]
    [InlineData("QuietMegabytes", "64", "Memory:QuietMegabytes must be at least 0 and less than BurstMegabytes.")]
    [InlineData("BurstMegabytes", "lots", "Memory: ")]
    public void Options_RefuseABadValue_NamingItsKey(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MemoryConfiguration.Options(Configuration((key, value))));

        Assert.StartsWith(message, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] memory) => new ConfigurationBuilder()
        .AddInMemoryCollection(memory.Select(setting => new KeyValuePair<string, string?>($"Memory:{setting.Key}", setting.Value)))
        .Build();
}
