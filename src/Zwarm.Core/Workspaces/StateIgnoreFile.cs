// zwarm's runtime files never show up in `git status`: the state folder gets a .gitignore covering everything zwarm
// writes there at run time (sessions, instances, locks, indexes, history). config.toml is not listed: whether it is
// committed stays the user's choice. An existing .gitignore is left alone.
namespace Zwarm.Core.Workspaces;

public static class StateIgnoreFile
{
    public const string Content = """
        # zwarm's runtime files (config.toml is not listed: commit it or not, as you like).
        # This file lists itself, so a .zwarm/ holding only runtime files never shows up in `git status`.
        .gitignore
        sessions/
        instances/
        worktrees/
        *.lock
        .lock
        *.tmp
        .index*
        index*
        history*
        *.log

        """;

    /// <summary>Writes &lt;stateDirectory&gt;/.gitignore unless one exists.</summary>
    public static void Ensure(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, ".gitignore");
        if (File.Exists(path))
        {
            return;
        }
        Sessions.PrivateStore.CreateDirectoryOnce(stateDirectory);
        Sessions.AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(Content)); // private, like the rest of the store
    }
}
