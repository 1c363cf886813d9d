namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// Positional arguments, <c>--name value</c> options, and configuration overrides (<c>--Store:Path=x</c> or
/// <c>Store:Path=x</c>) that go to the host's configuration.
/// </summary>
public sealed record CliArguments(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options, HostApplicationBuilderSettings Settings)
{
    private static readonly HashSet<string> Known = ["as", "at", "file", "from", "to", "weeks", "format", "year"];

    /// <summary>Options that take no value (their value is <c>true</c>).</summary>
    private static readonly HashSet<string> Flags = ["dry-run"];

    public static bool TryParse(string[] args, out CliArguments parsed, out string error)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var config = new List<string>();
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.Contains('=', StringComparison.Ordinal) && (arg.StartsWith("--", StringComparison.Ordinal) || arg.Contains(':', StringComparison.Ordinal)))
            {
                config.Add(arg.StartsWith("--", StringComparison.Ordinal) ? arg : "--" + arg);
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                if (Flags.Contains(name))
                {
                    options[name] = "true";
                    continue;
                }

                if (!Known.Contains(name))
                {
                    error = $"Unknown option {arg}.";
                    parsed = Empty;
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    parsed = Empty;
                    return false;
                }

                options[name] = args[++i];
                continue;
            }

            positional.Add(arg);
        }

        parsed = new CliArguments(positional, options, new HostApplicationBuilderSettings { Args = [.. config] });
        return true;
    }

    private static CliArguments Empty => new([], new Dictionary<string, string>(), new HostApplicationBuilderSettings());
}
