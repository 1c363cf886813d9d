using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Splits "&lt;pipeline&gt; &lt;message&gt;" into the pipeline and the message as the person typed it.</summary>
/// <remarks>
/// <see cref="PipelineCatalog.Match"/> counts normalised words, so a hyphenated name ("aggregate-profit", one typed
/// word but two normalised ones) would swallow the first word of the message. Matching on text whose separators are
/// already spaces keeps the two counts equal; the message is then cut from the original words.
/// </remarks>
public static class PageArguments
{
    private static readonly char[] Separators = ['-', '_', '/', '\t'];

    public static (PipelineMatch Match, string Message) Split(PipelineCatalog pipelines, string args)
    {
        var original = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expanded = original.Select(w => w.Split(Separators, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var match = pipelines.Match(string.Join(' ', expanded.SelectMany(parts => parts)));
        if (match is not PipelineMatch.Found found)
        {
            return (match, "");
        }

        var consumed = expanded.Sum(parts => parts.Length) - found.Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var taken = 0;
        for (var i = 0; i < original.Length; i++)
        {
            if (taken == consumed)
            {
                return (match, string.Join(' ', original.Skip(i)));
            }

            taken += expanded[i].Length;
        }

        return (match, taken == consumed ? "" : found.Rest);
    }
}
