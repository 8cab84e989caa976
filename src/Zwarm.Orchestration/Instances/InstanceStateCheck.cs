// state.json is read back from disk, so it is untrusted input: a state that names another instance, or holds a
// status or kind this zwarm does not know, is corrupt (one line, exit 9); nulls where a list, a map or a text
// belongs (a hand edit, another tool) read as empty, so no renderer or the pilot meets a null it never expects.
namespace Zwarm.Orchestration.Instances;

internal static class InstanceStateCheck
{
    /// <summary>The state as zwarm can use it; throws a State <see cref="Zwarm.Core.ZwarmException"/> when it is corrupt.</summary>
    public static InstanceState Checked(string id, InstanceState? state)
    {
        if (state is null)
        {
            throw Corrupt(id, "it holds no state (null)");
        }
        if (!string.Equals(state.Id, id, StringComparison.Ordinal))
        {
            throw Corrupt(id, "it belongs to another instance");
        }
        if (!Enum.IsDefined(state.Status) || !Enum.IsDefined(state.Kind))
        {
            throw Corrupt(id, "its status or kind is unknown");
        }
        var checkpoints = state.Checkpoints?.Where(c => c is not null).ToList();
        if (state.Head is { } head && (head < 0 || head > (checkpoints?.Count ?? 0)))
        {
            throw Corrupt(id, $"its head ({head}) is not one of its checkpoints");
        }
        return state with
        {
            Task = state.Task ?? "",
            WorkingDir = state.WorkingDir ?? "",
            Provider = state.Provider ?? "",
            Model = state.Model ?? "",
            Usage = state.Usage ?? new(),
            Sessions = [.. (state.Sessions ?? []).Where(s => s is not null)],
            SeenTurns = state.SeenTurns ?? new Dictionary<string, int>(),
            Checkpoints = checkpoints,
        };
    }

    private static Zwarm.Core.ZwarmException Corrupt(string id, string why) =>
        new(Zwarm.Core.ErrorKind.State, $"instance {id}: state.json is corrupt ({why})");
}
