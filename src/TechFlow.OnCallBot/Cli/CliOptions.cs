using System.CommandLine;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The kinds of option the CLI's commands take. Every option with a value takes exactly one per mention and, when
/// given twice, the last one counts; a value it cannot read is a usage error with the option's own message.
/// </summary>
internal static class CliOptions
{
    /// <summary>An option whose value is taken as written.</summary>
    public static Option<string?> Text(string name, string helpName, string description) =>
        Parsed<string?>(name, helpName, description, text => (text, null));

    /// <summary>
    /// An option whose value <paramref name="parse"/> reads, returning the value or, for a value it cannot read, the
    /// message to print; <paramref name="fallback"/> is the value when the option is not given.
    /// </summary>
    public static Option<T> Parsed<T>(string name, string helpName, string description, Func<string, (T Value, string? Problem)> parse, Func<T>? fallback = null)
    {
        var option = new Option<T>(name)
        {
            HelpName = helpName,
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return default!;
                }

                var (value, problem) = parse(result.Tokens[^1].Value);
                if (problem is not null)
                {
                    result.AddError(problem);
                }

                return value;
            },
        };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback();
        }

        return option;
    }

    /// <summary>An option that takes no value: given means true.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A usage error with <paramref name="message"/> when any of <paramref name="options"/> is missing or blank.</summary>
    public static void Require(Command command, string message, params Option<string?>[] options) =>
        command.Validators.Add(result =>
        {
            if (options.Any(o => result.GetResult(o) is not { Tokens.Count: > 0 } given || string.IsNullOrWhiteSpace(given.Tokens[^1].Value)))
            {
                result.AddError(message);
            }
        });
}
