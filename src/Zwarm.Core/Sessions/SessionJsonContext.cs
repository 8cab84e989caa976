// Source-generated JSON for the session store (reflection-free, so the CLI can be published Native AOT).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(SessionMeta))]
[JsonSerializable(typeof(ExitRecord))]
internal sealed partial class SessionJsonContext : JsonSerializerContext
{
    /// <summary>Indented, raw UTF-8 (no \uXXXX escaping of non-ASCII text), like a human would want to read it.</summary>
    public static SessionJsonContext Store { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });
}
