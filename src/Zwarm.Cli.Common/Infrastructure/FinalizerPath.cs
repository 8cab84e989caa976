// The executable a turn's supervisor runs as the finalizer (`zwarm __finalize`, FinalizeCommand) when the turn ends.
namespace Zwarm.Cli.Infrastructure;

internal static class FinalizerPath
{
    /// <summary>
    /// This process's own executable when it is zwarm (the AOT `zwarm` or `zwarm-llm`, or the apphost); for
    /// `zwarm-mcp`, which has no `__finalize`, the `zwarm` beside it; null under `dotnet zwarm.dll`, a test host, or
    /// a zwarm-mcp alone, where the next reader of the session finalizes.
    /// </summary>
    public static string? For(string? processPath)
    {
        if (processPath is null || !Path.IsPathFullyQualified(processPath))
        {
            return null;
        }
        var name = Path.GetFileName(processPath);
        if (name == "zwarm" || name == SiblingBinary.Llm.FileName)
        {
            return processPath;
        }
        if (name == SiblingBinary.Mcp.FileName)
        {
            var lean = Path.Combine(Path.GetDirectoryName(processPath)!, "zwarm");
            return File.Exists(lean) ? lean : null;
        }
        return null;
    }
}
