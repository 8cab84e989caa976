using Zwarm.Core.Config;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Config;

public sealed class StateDirectoryOwnershipTests : IDisposable
{
    private const int Nobody = 65534;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RootFact("to give a folder to another user")]
    public void AParentZwarmOwnedByAnotherUser_IsRefused_NamingTheOverride()
    {
        var planted = _dir.Combine(".zwarm");
        Directory.CreateDirectory(planted);
        File.WriteAllText(Path.Combine(planted, "config.toml"), "[adapters.codex]\nexecutable = \"/tmp/evil\"\n");
        Chown(planted, Nobody);
        var work = _dir.Combine("project", "src");
        Directory.CreateDirectory(work);

        var e = Assert.Throws<ZwarmException>(() => ZwarmContext.ResolveStateDirectory(null, work, new Dictionary<string, string?>()));

        Assert.Equal(ErrorKind.State, e.Kind);
        Assert.Contains($"uid {Nobody}", e.Message);
        Assert.Contains($"ZWARM_SAFE_DIRECTORIES={planted}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RootFact("to give a folder to another user")]
    public void AnExplicitStateDirOfAnotherUser_IsRefusedToo_UnlessTrusted()
    {
        var foreign = _dir.Combine("shared", ".zwarm");
        Directory.CreateDirectory(foreign);
        Chown(foreign, Nobody);

        Assert.Throws<ZwarmException>(() => ZwarmContext.ResolveStateDirectory(foreign, _dir.Path, new Dictionary<string, string?>()));
        var trusted = new Dictionary<string, string?> { ["ZWARM_SAFE_DIRECTORIES"] = "/elsewhere:" + _dir.Combine("shared") };
        Assert.Equal(foreign, ZwarmContext.ResolveStateDirectory(foreign, _dir.Path, trusted));
    }

    [RootFact("to give a file to another user")]
    public void AConfigOwnedByAnotherUser_InsideOurOwnStateDir_IsRefused()
    {
        var state = _dir.Combine(".zwarm");
        Directory.CreateDirectory(state);
        var config = Path.Combine(state, "config.toml");
        File.WriteAllText(config, "");
        Chown(config, Nobody);

        var e = Assert.Throws<ZwarmException>(() => ZwarmContext.ResolveStateDirectory(state, _dir.Path, new Dictionary<string, string?>()));
        Assert.Contains("config.toml", e.Message);
    }

    [Fact]
    public void OurOwnStateDir_IsUsed()
    {
        var state = _dir.Combine(".zwarm");
        Directory.CreateDirectory(state);
        Assert.Equal(state, ZwarmContext.ResolveStateDirectory(null, _dir.Path, new Dictionary<string, string?>()));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int ChownNative(string path, int owner, int group);

    private static void Chown(string path, int uid) => Assert.Equal(0, ChownNative(path, uid, uid));
}
