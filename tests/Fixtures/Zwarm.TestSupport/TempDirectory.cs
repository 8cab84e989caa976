namespace Zwarm.TestSupport;

/// <summary>A fresh folder per test under the system temp dir, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "zwarm-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The path of <paramref name="name"/> in this folder (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string CreateSubdirectory(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process a test killed may hold a file for a moment; the OS temp cleaner gets it later.
        }
    }
}
