// `zwarm --version`: "zwarm 0.1.0 (3e2d3c3, .NET 10.0.1, native)" — which build is this, from which commit, on
// which runtime, and whether it is the Native AOT binary or the JIT one (./zwarm from a checkout, the tests).
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Zwarm.Cli.Infrastructure;

internal static class VersionText
{
    public static string Get()
    {
        var assembly = typeof(VersionText).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus >= 0)
        {
            version = version[..plus];
        }
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Commit")?.Value;
        commit = string.IsNullOrEmpty(commit) ? "unknown commit" : commit[..Math.Min(7, commit.Length)];
        var runtime = Environment.Version.ToString();
        // Not RuntimeFeature.IsDynamicCodeSupported: PublishAot turns that off for the JIT build too. A Native AOT
        // binary has no IL assembly beside it.
        var kind = File.Exists(Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".dll")) ? "jit" : "native";
        return $"zwarm {version} ({commit}, .NET {runtime}, {kind})";
    }

    /// <summary>Makes the root's --version print <see cref="Get"/> instead of the bare assembly version.</summary>
    public static void Install(RootCommand root, Terminal terminal)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintAction(terminal);
            }
        }
    }

    private sealed class PrintAction(Terminal terminal) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            terminal.Out.WriteLine(Get());
            return ExitCodes.Success;
        }
    }
}
