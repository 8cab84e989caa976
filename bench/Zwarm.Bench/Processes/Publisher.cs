using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Zwarm.Bench.Processes;

/// <summary>Publishes a project Native AOT (Release, this machine's runtime identifier) into a directory.</summary>
internal static class Publisher
{
    public static string PublishAot(string projectDirectory, string outputDirectory)
    {
        Console.Error.WriteLine($"publishing {Path.GetFileName(projectDirectory)} (Native AOT) to {outputDirectory} ...");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", projectDirectory, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "-o", outputDirectory, "-nologo" })
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {projectDirectory} failed:\n{stdout.Result}{stderr.Result}");
        }
        return outputDirectory;
    }
}
