namespace TechFlow.OnCallBot.Seeding;

/// <summary>The team file could not be loaded; the message names the file and the problem.</summary>
public sealed class TeamFileException(string message) : Exception(message);
