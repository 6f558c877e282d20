using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>A secondary zone added to a temporary store, with the repository the transfer engine writes it through.</summary>
public static class StoredSecondaryZone
{
    /// <summary>Adds <paramref name="origin"/> (one primary, no key) and returns the repository and the zone's state as loaded.</summary>
    public static async Task<(SecondaryZoneRepository Repository, SecondaryZoneState State)> AddAsync(TempStore temp, DnsName origin)
    {
        var protector = new TsigSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(temp.Directory, "keys"))));
        var catalog = new SecondaryZoneCatalog(temp.Contexts, protector, TimeProvider.System, NullLogger<SecondaryZoneCatalog>.Instance);
        Assert.True((await catalog.AddAsync(origin, [new IPEndPoint(IPAddress.Loopback, 53)])).Succeeded);
        var repository = new SecondaryZoneRepository(temp.Contexts, protector, TimeProvider.System, NullLogger<SecondaryZoneRepository>.Instance);
        return (repository, Assert.Single(await repository.LoadAllAsync()).State);
    }
}
