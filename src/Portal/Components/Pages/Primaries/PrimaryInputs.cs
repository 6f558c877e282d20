using System.Globalization;
using SecondaryPortal.Portal.Services.Primaries;

namespace SecondaryPortal.Portal.Components.Pages.Primaries;

/// <summary>From the posted form to the service's input, and the service's messages back to the fields.</summary>
internal static class PrimaryInputs
{
    private const string PortMessage = "Enter a port from 1 to 65535 (53 as a rule).";

    /// <summary>The input, or the port's message when the port is not a number (the service checks everything else).</summary>
    public static (PrimaryInput Input, string? PortError) From(PrimaryFields fields)
    {
        string portText = (fields.Port ?? "").Trim();
        bool portOk = int.TryParse(portText.Length == 0 ? "53" : portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port);
        return (new PrimaryInput(fields.Name, fields.Address, portOk ? port : 53, fields.KeyName), portOk ? null : PortMessage);
    }

    /// <summary>The field messages to show: the service's, or only the port's when the form did not get that far.</summary>
    public static IReadOnlyDictionary<string, string> Errors(PrimarySaveResult? result, string? portError) =>
        portError is not null ? new Dictionary<string, string> { ["Port"] = portError } : result?.Errors ?? new Dictionary<string, string>();
}
