// Text from tasks, agents and models is data, not terminal commands: an ESC in a reply (`\e[2J`, an OSC title
// `\e]0;...\a`) would clear the screen or retitle the window of whoever reads it. Every human-facing rendering
// passes such text through here; the turn files, --raw and --json keep the original bytes.
using System.Text;

namespace Zwarm.Cli.Rendering;

internal static class TerminalText
{
    /// <summary>Shown in place of ESC (U+241B SYMBOL FOR ESCAPE).</summary>
    public const char EscapePlaceholder = '\u241B';

    /// <summary>Shown in place of every other control character.</summary>
    public const char ControlPlaceholder = '\uFFFD';

    /// <summary><paramref name="text"/> with ESC, C0 controls other than \n and \t, DEL and C1 controls replaced by a visible placeholder.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            return text; // the common case: nothing to copy
        }
        var result = new StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // CRLF is a line end, not a cursor move
            }
            result.Append(!IsUnsafe(c) ? c : c == '\u001b' ? EscapePlaceholder : ControlPlaceholder);
        }
        return result.ToString();
    }

    /// <summary><see cref="Safe"/> text escaped for Spectre markup.</summary>
    public static string Escape(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    private static bool IsUnsafe(char c) =>
        (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
}
