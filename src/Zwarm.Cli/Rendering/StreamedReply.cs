// The model's reply as it streams, shared by orchestrate's progress and pilot: reasoning (dim) and text each start
// on a labelled line, and any other line first ends the streamed one. Also the one-line forms of a tool call and
// its result both interfaces print.
using System.Text.Json;
using Spectre.Console;

namespace Zwarm.Cli.Rendering;

internal sealed class StreamedReply(IAnsiConsole console, string textLabelMarkup, string indent = "")
{
    private bool _inText;
    private bool _inReasoning;

    public void Reasoning(string text)
    {
        if (!_inReasoning)
        {
            End();
            console.Markup($"{indent}[grey italic]thinking:[/] ");
            _inReasoning = true;
        }
        console.Markup($"[grey italic]{TerminalText.Escape(text)}[/]");
    }

    public void Text(string text)
    {
        if (!_inText)
        {
            End();
            console.Markup($"{indent}{textLabelMarkup} ");
            _inText = true;
        }
        console.Write(TerminalText.Safe(text));
    }

    /// <summary>Prints a whole line of markup below whatever was streaming.</summary>
    public void Line(string markup)
    {
        End();
        console.MarkupLine(markup);
    }

    /// <summary>Ends the streamed line, if one is open.</summary>
    public void End()
    {
        if (_inText || _inReasoning)
        {
            console.WriteLine();
            _inText = false;
            _inReasoning = false;
        }
    }

    public static string ToolCallMarkup(string name, string argumentsSummary, string indent = "  ") =>
        $"{indent}[cyan]→ {TerminalText.Escape(name)}[/] [grey]{TerminalText.Escape(Format.OneLine(argumentsSummary, 160))}[/]";

    public static string ToolResultMarkup(bool isError, string summary) => isError
        ? $"    [red]✗ {TerminalText.Escape(Format.OneLine(summary, 180))}[/]"
        : $"    [green]✓[/] {TerminalText.Escape(Format.OneLine(summary, 180))}";

    /// <summary>"task=write the file model=gpt-5" from a call's JSON arguments (empty when they are not an object).</summary>
    public static string Arguments(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        return string.Join(" ", arguments.EnumerateObject().Select(p =>
            $"{p.Name}={Format.OneLine(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(), 90)}"));
    }

    /// <summary><see cref="Arguments(JsonElement)"/> of arguments given as JSON text (the text itself when unreadable).</summary>
    public static string Arguments(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? Arguments(doc.RootElement) : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
