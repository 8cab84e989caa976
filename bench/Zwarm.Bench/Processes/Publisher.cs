using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Zwarm.Bench.Processes;

/// <summary>Publishes a project Native AOT (Release, this machine's runtime identifier) into a directory.</summary>
internal static class Publisher
{
    public static string PublishAot(string projectDirectory, string outputDirectory)
    {
        Console.Error.WriteLine($"publishing {Path.GetFileName(projectDirectory)} (Native AOT) to {outputDirectory} ...");
        Run("dotnet", ["publish", projectDirectory, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", outputDirectory, "-nologo"]);
        return outputDirectory;
    }

    /// <summary>zwarm and zwarm-llm as users install them (scripts/publish-aot.sh).</summary>
    public static string PublishZwarm(string repoRoot, string outputDirectory)
    {
        Console.Error.WriteLine($"publishing zwarm + zwarm-llm + zwarm-mcp (Native AOT, scripts/publish-aot.sh) to {outputDirectory} ...");
        Run("bash", [Path.Combine(repoRoot, "scripts", "publish-aot.sh"), outputDirectory]);
        return outputDirectory;
    }

    private static void Run(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed:\n{stdout.Result}{stderr.Result}");
        }
    }
}
