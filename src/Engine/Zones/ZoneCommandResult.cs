namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of a simple zone operation (such as asking for a refresh), with a message fit to show a user.</summary>
/// <param name="Succeeded">True when it was done.</param>
/// <param name="Message">One line that says what happened.</param>
public sealed record ZoneCommandResult(bool Succeeded, string Message);
