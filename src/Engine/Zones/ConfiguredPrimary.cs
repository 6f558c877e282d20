using SecondaryPortal.Dns.Transfer;

namespace SecondaryPortal.Engine.Zones;

/// <summary>A stored primary of a secondary zone, ready to be asked: its row id and its address, port and key.</summary>
/// <param name="Id">The <see cref="Persistence.ZonePrimary"/> row.</param>
/// <param name="Server">Where to send SOA queries and transfer requests, with the TSIG key (secret decrypted) when one is set.</param>
public sealed record ConfiguredPrimary(long Id, PrimaryServer Server);
