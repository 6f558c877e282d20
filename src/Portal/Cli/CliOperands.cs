using System.CommandLine;

namespace SecondaryPortal.Portal.Cli;

/// <summary>The operands several verbs share, with their help text.</summary>
internal static class CliOperands
{
    /// <summary>The zone's name, <c>&lt;origin&gt;</c> ("example.com."); the verb checks it is a domain name.</summary>
    public static Argument<string> Origin() => new("origin") { Description = "The zone's name, e.g. example.com." };
}
