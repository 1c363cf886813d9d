using Markdig;
using Markdig.Syntax;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// Walks a runbook's Markdown blocks (parsed by Markdig) and tells <see cref="RunbookParseState"/> what each line is:
/// the title, a section heading, a text line, a bullet, a numbered step, or an indented continuation.
/// </summary>
/// <remarks>
/// Markdown lets a line with no indent run on into the list item above it ("lazy continuation"); the runbook format
/// says only indented lines continue, so such a line is read as a line of its own, as the author meant it.
/// </remarks>
internal static class RunbookMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static void Read(string text, RunbookParseState state)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var source = new Source(normalized);
        foreach (var block in Markdown.Parse(normalized, Pipeline))
        {
            Block(block, source, state);
        }

        state.End(source.Count);
    }

    private static void Block(Block block, Source source, RunbookParseState state)
    {
        state.Break();
        switch (block)
        {
            case HeadingBlock { Level: 1, IsSetext: false } title:
                state.Title(title.Line + 1);
                break;
            case HeadingBlock { Level: 2, IsSetext: false } heading:
                state.Heading(heading.Line + 1, source[heading.Line].Trim()[2..].Trim());
                break;
            case HtmlBlock:
                break;
            case ParagraphBlock paragraph:
                Lines(paragraph, paragraph.Line, source, state);
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    Item(list.IsOrdered, item, source, state);
                }

                break;
            default:
                Raw(block, source, state);
                break;
        }
    }

    private static void Item(bool ordered, ListItemBlock item, Source source, RunbookParseState state)
    {
        state.Break();
        if (item.Count == 0 || item[0] is not ParagraphBlock paragraph || paragraph.Line != item.Line)
        {
            Raw(item, source, state);
            return;
        }

        var head = source[paragraph.Line];
        var text = head[Math.Min(paragraph.Column, head.Length)..].Trim();
        if (ordered)
        {
            state.Step(paragraph.Line + 1, item.Order, text);
        }
        else
        {
            state.Bullet(paragraph.Line + 1, text);
        }

        Lines(paragraph, paragraph.Line + 1, source, state);
        foreach (var more in item.Skip(1))
        {
            state.Break();
            Raw(more, source, state);
        }
    }

    /// <summary>The lines of a paragraph from <paramref name="from"/> on (Markdig keeps its span, not its lines).</summary>
    private static void Lines(ParagraphBlock paragraph, int from, Source source, RunbookParseState state)
    {
        for (var line = from; line <= source.LineOf(paragraph.Span.End); line++)
        {
            Line(line, source, state);
        }
    }

    /// <summary>Every source line of a block the format has no place for, so the state names the first wrong one.</summary>
    private static void Raw(Block block, Source source, RunbookParseState state)
    {
        for (var line = block.Line; line <= source.LineOf(block.Span.End); line++)
        {
            if (source[line].Trim().Length == 0)
            {
                state.Break();
                continue;
            }

            Line(line, source, state);
        }
    }

    private static void Line(int line, Source source, RunbookParseState state)
    {
        var raw = source[line].TrimEnd();
        if (raw.Length > 0 && char.IsWhiteSpace(raw[0]))
        {
            state.Continue(line + 1, raw.Trim());
        }
        else
        {
            state.Text(line + 1, raw);
        }
    }

    /// <summary>The text's lines, and which line a character offset is on.</summary>
    private sealed class Source(string text)
    {
        private readonly string[] _lines = text.Split('\n');
        private readonly int[] _starts = Starts(text);

        public int Count => _lines.Length;

        public string this[int line] => line < _lines.Length ? _lines[line] : "";

        public int LineOf(int offset)
        {
            var found = Array.BinarySearch(_starts, Math.Max(0, offset));
            return found >= 0 ? found : ~found - 1;
        }

        private static int[] Starts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return [.. starts];
        }
    }
}
