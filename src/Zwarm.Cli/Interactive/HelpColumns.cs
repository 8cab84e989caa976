// Two wrapped columns (name, description) fitted to a width, for the REPL's `help` list: a long description
// continues under itself, a name wider than its column gets a line of its own. The layout of the verbs' own help.
using System.Text;

namespace Zwarm.Cli.Interactive;

internal static class HelpColumns
{
    private const string Indent = "  ";
    private const int Gap = 2;

    public static void Write(TextWriter output, IReadOnlyList<(string Name, string Description)> rows, int width)
    {
        var nameWidth = Math.Min(rows.Max(r => r.Name.Length), Math.Max(8, width / 3));
        var textWidth = Math.Max(10, width - Indent.Length - nameWidth - Gap);
        var pad = new string(' ', Indent.Length + nameWidth + Gap);
        foreach (var (name, description) in rows)
        {
            var lines = Wrap(description, textWidth);
            if (name.Length > nameWidth)
            {
                output.WriteLine(Indent + name);
                lines.ForEach(l => output.WriteLine(pad + l));
                continue;
            }
            output.WriteLine((Indent + name.PadRight(nameWidth + Gap) + lines.FirstOrDefault()).TrimEnd());
            lines.Skip(1).ToList().ForEach(l => output.WriteLine(pad + l));
        }
    }

    /// <summary><paramref name="text"/> broken at blanks into lines of at most <paramref name="width"/> characters (a longer word is cut).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var whole in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = whole;
            while (word.Length > width)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                lines.Add(word[..width]);
                word = word[width..];
            }
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }
}
