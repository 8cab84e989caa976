namespace Zwarm.Core.Agents.Local;

/// <summary>TOML basic strings for the config text zwarm writes (paths, URLs, model names).</summary>
internal static class TomlText
{
    public static string Quote(string value)
    {
        var text = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
