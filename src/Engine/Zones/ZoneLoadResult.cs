using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of <see cref="ZoneStore.LoadAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Snapshot">The zone ready to serve (only when <see cref="ZoneLoadStatus.Loaded"/>).</param>
/// <param name="Version">The zone's change version as read; the publisher remembers it.</param>
/// <param name="Message">One line fit to show a user or a log.</param>
public sealed record ZoneLoadResult(ZoneLoadStatus Status, ZoneSnapshot? Snapshot, long Version, string Message);
