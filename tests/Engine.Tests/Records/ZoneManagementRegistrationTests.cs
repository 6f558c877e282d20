using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Records;

public sealed class ZoneManagementRegistrationTests
{
    [Fact]
    public async Task AddZoneManagement_ResolvesEveryService_WithoutAZoneTable()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var services = new ServiceCollection().AddLogging().AddEngineStore(temp.Settings).AddZoneStore().AddZoneManagement();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<PrimaryCheck>());
        Assert.NotNull(provider.GetRequiredService<ZoneRecordBrowser>());
        Assert.NotNull(provider.GetRequiredService<AuthoritativeRecordEditor>());
    }
}
