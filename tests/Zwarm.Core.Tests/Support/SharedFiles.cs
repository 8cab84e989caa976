namespace Zwarm.Core.Tests.Support;

/// <summary>Locates the repository root and the `shared` folder that sits beside it (Python anchors, samples).</summary>
public static class SharedFiles
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Zwarm.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("cannot find the repository root (Zwarm.slnx) above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>$ZWARM_SHARED_DIR, else ../shared beside the repository.</summary>
    public static string SharedDirectory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("ZWARM_SHARED_DIR");
            var dir = !string.IsNullOrEmpty(fromEnv) ? fromEnv : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            Assert.True(Directory.Exists(Path.Combine(dir, "anchors")),
                $"the shared folder with the Python anchors was not found at {dir} (set ZWARM_SHARED_DIR)");
            return dir;
        }
    }

    public static string Anchor(string name) => Path.Combine(SharedDirectory, "anchors", name);
}
