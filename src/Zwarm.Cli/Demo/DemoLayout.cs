// The demo's own folder, so it never touches the user's project or config: workspace/ (the agents' working
// directory), state/ (a zwarm state directory, explorable afterwards with --state-dir) and agents/ (the CLIs'
// private CODEX_HOME / CLAUDE_CONFIG_DIR / HOME). A rerun starts from scratch in the same folder.
using Zwarm.Core;

namespace Zwarm.Cli.Demo;

internal sealed record DemoLayout(string Root)
{
    private const string Marker = ".zwarm-demo";

    public string Workspace => Path.Combine(Root, "workspace");

    public string State => Path.Combine(Root, "state");

    public string Agents => Path.Combine(Root, "agents");

    /// <summary>Creates the folder, clearing an earlier demo run; refuses a non-empty folder that is not a demo's.</summary>
    public static DemoLayout Prepare(string directory, string workingDirectory)
    {
        var layout = new DemoLayout(Path.GetFullPath(directory, workingDirectory));
        var marker = Path.Combine(layout.Root, Marker);
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any() && !File.Exists(marker))
        {
            throw new ZwarmException(ErrorKind.Usage,
                $"{layout.Root} exists and is not a zwarm demo folder; choose another with --dir");
        }
        try
        {
            foreach (var dir in new[] { layout.Workspace, layout.State, layout.Agents })
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                Directory.CreateDirectory(dir);
            }
            File.WriteAllText(marker, "Created by `zwarm demo`; the next demo run clears workspace/, state/ and agents/.\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot prepare the demo folder {layout.Root}: {e.Message}");
        }
        return layout;
    }
}
