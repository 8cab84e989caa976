using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Rendering;

internal static class JsonOutput
{
    /// <summary>Writes <paramref name="value"/> as indented JSON on stdout.</summary>
    public static void Write<T>(Terminal terminal, T value, JsonTypeInfo<T> typeInfo)
    {
        terminal.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        terminal.Out.Flush();
    }
}
