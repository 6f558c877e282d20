namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>A TSIG key as the peers' configuration files write it.</summary>
public sealed record InteropKey(string Name, string Algorithm, string SecretBase64);
