// Which zwarm the end-to-end tests run: the apphost built into the test project's output (its ProjectReference to
// src/Zwarm.Cli), or a published build such as the installed Native AOT tool when ZWARM_BIN names one.
namespace Zwarm.TestSupport;

public static class ZwarmBinary
{
    public const string Variable = "ZWARM_BIN";

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } explicitPath
            ? System.IO.Path.GetFullPath(explicitPath)
            : System.IO.Path.Combine(AppContext.BaseDirectory, "zwarm");
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"the zwarm executable is missing at {path} (build the test project, or fix {Variable})");
        }
        return path;
    }
}
