// git's safe.directory rule for zwarm: a state directory, or its config.toml, owned by another user is refused.
// `.zwarm` is looked up through parent directories, so another user could plant one (with a config naming the agent
// executable) in a shared parent and have zwarm run their program with this user's task and keys. The override
// names the directories the user trusts: ZWARM_SAFE_DIRECTORIES=/path/.zwarm[:/other/.zwarm] (or `*` for any).
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Config;

public static class StateDirectoryOwnership
{
    public const string SafeDirectoriesVariable = "ZWARM_SAFE_DIRECTORIES";

    /// <summary>Throws a one-line State error when <paramref name="stateDirectory"/> or its config is not the current user's.</summary>
    public static void Check(string stateDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var me = StoreNative.EffectiveUserId;
        if (me < 0 || IsTrusted(stateDirectory, environment))
        {
            return;
        }
        foreach (var path in new[] { stateDirectory, Path.Combine(stateDirectory, "config.toml") })
        {
            if (OwnerOf(path) is { } owner && owner != me)
            {
                throw new ZwarmException(ErrorKind.State,
                    $"{path} is owned by uid {owner}, not by you (uid {me}): zwarm does not use a state directory another user controls; " +
                    $"if you trust it, set {SafeDirectoriesVariable}={stateDirectory}");
            }
        }
    }

    private static int? OwnerOf(string path)
    {
        var facts = StoreNative.Lstat(path);
        if (facts is { Kind: FileKind.Link })
        {
            // The link is ours to have made; what it points to decides.
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            facts = target is null ? null : StoreNative.Lstat(target);
        }
        return facts is { OwnerId: >= 0 } f ? f.OwnerId : null;
    }

    private static bool IsTrusted(string stateDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault(SafeDirectoriesVariable) is not { Length: > 0 } list)
        {
            return false;
        }
        var wanted = Path.TrimEndingDirectorySeparator(Path.GetFullPath(stateDirectory));
        foreach (var entry in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry == "*")
            {
                return true;
            }
            var trusted = Path.TrimEndingDirectorySeparator(Path.GetFullPath(entry));
            // The state directory itself, or the project folder holding it.
            if (trusted == wanted || Path.Combine(trusted, ".zwarm") == wanted)
            {
                return true;
            }
        }
        return false;
    }
}
