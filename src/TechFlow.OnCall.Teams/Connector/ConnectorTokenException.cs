namespace TechFlow.OnCall.Teams.Connector;

/// <summary>
/// No bot token for the Bot Connector (the token endpoint hung past <see cref="TeamsOptions.TokenTimeout"/> or
/// failed), so the call was not made: repeating it cannot double anything.
/// </summary>
public sealed class ConnectorTokenException : HttpRequestException
{
    public ConnectorTokenException()
    {
    }

    public ConnectorTokenException(string message)
        : base(message)
    {
    }

    public ConnectorTokenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
