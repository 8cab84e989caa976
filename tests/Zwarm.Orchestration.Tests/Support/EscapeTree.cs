// A project to escape from: a real git repository with one commit (project/f, "orig") beside a folder outside it
// (outside/o), and a snapshot of every entry below both (kind, content, link target) to prove nothing changed.
using System.Diagnostics;
using System.Text;

namespace Zwarm.Orchestration.Tests.Support;

public sealed class EscapeTree : IDisposable
{
    private readonly TempDirectory _dir = new("zwarm-escape-");

    public EscapeTree()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Project, "f"), "orig\n");
        File.WriteAllText(Path.Combine(Outside, "o"), "outside\n");
        Git("init", "-q");
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first");
    }

    public string Root => _dir.Path;

    public string Project => _dir.Combine("project");

    public string Outside => _dir.Combine("outside");

    /// <summary>Every entry below <see cref="Root"/>, in order: path, kind and content or link target.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var path in Directory.EnumerateFileSystemEntries(Root, "*", options).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            var kind = info.LinkTarget is { } target ? $"link -> {target}"
                : Directory.Exists(path) ? "dir"
                : info.Length > 0 ? $"file {Convert.ToHexString(File.ReadAllBytes(path))}"
                : "empty"; // an empty file, or a FIFO (never opened: it would block)
            text.Append(Path.GetRelativePath(Root, path)).Append(": ").Append(kind).Append('\n');
        }
        return text.ToString();
    }

    public void Dispose() => _dir.Dispose();

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Project, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var git = Process.Start(psi)!;
        if (!git.WaitForExit(TimeSpan.FromSeconds(30)) || git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {git.StandardError.ReadToEnd()}");
        }
    }
}
