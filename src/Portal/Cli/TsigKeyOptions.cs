namespace SecondaryPortal.Portal.Cli;

/// <summary>The TSIG options of <c>zone add</c> as given; each is null when absent.</summary>
/// <param name="Name">--tsig: the key's name.</param>
/// <param name="Algorithm">--tsig-algorithm: the key's algorithm.</param>
/// <param name="Secret">--tsig-secret: the key's secret, base64.</param>
internal sealed record TsigKeyOptions(string? Name, string? Algorithm, string? Secret);
