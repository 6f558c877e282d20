namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>A TSIG key as the peers' configuration files write it.</summary>
internal sealed record InteropKey(string Name, string Algorithm, string SecretBase64);
