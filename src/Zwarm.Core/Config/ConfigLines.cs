// Finds the line of a dotted key in config.toml's text, for error messages ("config.toml:12: unknown key ...").
// A best effort over the common shapes (`[a.b]` then `c = ...`, `[a]` then `b.c = ...`, a table header itself):
// when it cannot tell, the message names the file without a line.
namespace Zwarm.Core.Config;

internal static class ConfigLines
{
    /// <summary>The 1-based line of <paramref name="path"/> in <paramref name="text"/>, or null.</summary>
    public static int? Find(string text, string path)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var segments = path.Split('.');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Header(lines[i]) == path)
            {
                return i + 1;
            }
        }
        for (var split = segments.Length - 1; split >= 0; split--)
        {
            var table = string.Join('.', segments[..split]);
            var key = string.Join('.', segments[split..]);
            var inTable = split == 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (Header(lines[i]) is { } header)
                {
                    inTable = header == table;
                }
                else if (inTable && Key(lines[i]) == key)
                {
                    return i + 1;
                }
            }
        }
        return null;
    }

    private static string? Header(string line)
    {
        var t = line.Trim();
        if (!t.StartsWith('[') || t.StartsWith('#'))
        {
            return null;
        }
        var end = t.LastIndexOf(']');
        return end < 0 ? null : Normalize(t[..(end + 1)].Trim('[', ']'));
    }

    private static string? Key(string line)
    {
        var t = line.Trim();
        var eq = t.IndexOf('=');
        return t.StartsWith('#') || eq <= 0 ? null : Normalize(t[..eq]);
    }

    private static string Normalize(string dotted) =>
        string.Join('.', dotted.Split('.').Select(p => p.Trim().Trim('"', '\'')));
}
