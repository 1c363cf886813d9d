using Microsoft.Extensions.Logging.Console;

namespace TechFlow.OnCallBot.Extensions;

public static class LoggingExtensions
{
    /// <summary>
    /// Lets <c>Logging:Console:FormatterName</c> (<c>json</c>, <c>systemd</c>, <c>simple</c>) choose the console format:
    /// the slim builder pins the simple formatter after reading configuration, so configuration is applied again last.
    /// </summary>
    public static ILoggingBuilder UseConsoleSettings(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddConsole();
        logging.Services.Configure<ConsoleLoggerOptions>(configuration.GetSection("Logging:Console"));
        return logging;
    }
}
