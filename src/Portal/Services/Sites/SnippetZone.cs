using System.Net;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>What a configuration snippet is written for.</summary>
/// <param name="Name">The zone without the final dot ("example.com").</param>
/// <param name="Source">Our transfer source address, which the primary allows.</param>
/// <param name="Notify">Our DNS listener, where NOTIFY goes.</param>
/// <param name="KeyName">The TSIG key's name without the final dot, or null for none.</param>
/// <param name="Algorithm">The key's algorithm mnemonic.</param>
/// <param name="Secret">What is written where the secret goes (a placeholder on pages).</param>
public sealed record SnippetZone(string Name, IPAddress Source, IPEndPoint Notify, string? KeyName, string Algorithm, string Secret);
