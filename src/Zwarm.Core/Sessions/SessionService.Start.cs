// Starting turns: `spawn` (turn 1) and `continue` (turn N+1 through the CLI's native resume). The turn's intent, with
// its launch token, is in meta.json before the launch, and the launch and the recording of its pid happen under the
// session lock: a zwarm that dies in between leaves a turn that the next reader finds through the supervisor's pid file.
using System.Text.Json;
using Zwarm.Core.Agents;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>Creates a session and starts its first turn in the background. Returns at once.</summary>
    public async Task<SessionMeta> StartAsync(StartRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Task))
        {
            throw new ZwarmException(ErrorKind.Usage, "the task is empty");
        }
        var adapter = ResolveAdapter(request.Adapter ?? _context.Config.Executor.Adapter);
        var settings = _context.Config.AdapterSettingsFor(adapter.Name);
        var workingDir = ResolveWorkingDirectory(request.WorkingDirectory);
        var sandbox = ResolveSandbox(request.Sandbox);
        var model = FirstNonEmpty(request.Model, settings.DefaultModel, _context.Config.Executor.Model);
        var executable = ResolveExecutable(adapter, settings, workingDir);
        // Without a model of its own choosing zwarm still records the one the CLI is configured with (for `ls` and
        // the price); follow-ups then name it explicitly, so every turn of a session runs the same model.
        var recordedModel = model ?? adapter.ConfiguredModel(settings, AgentEnvironment(settings));

        var now = Timestamps.Now(Time);
        var id = SessionId.New();
        // An isolated session works in a new worktree of its own (spawn --worktree; see Workspaces/).
        var workspace = await Worktrees.CreateAsync(request, workingDir, id, cancellationToken).ConfigureAwait(false);
        workingDir = workspace?.WorkingDirectory ?? workingDir;
        var turn = new TurnInfo
        {
            Turn = 1, Prompt = request.Task, Status = SessionStatus.Pending, Model = model, LaunchToken = TurnToken.New(),
        };
        var meta = new SessionMeta
        {
            Id = id,
            Task = request.Task,
            Status = SessionStatus.Pending,
            WorkingDir = workingDir,
            CreatedAt = now,
            UpdatedAt = now,
            Model = recordedModel ?? "",
            Turn = 1,
            Messages = [UserMessage(request.Task, now, 1)],
            Source = request.Source,
            Adapter = adapter.Name,
            Sandbox = sandbox.ToName(),
            Turns = [turn],
            Schema = SessionMeta.CurrentSchema,
            ResumeId = adapter.InitialResumeId(id),
            Workspace = workspace?.Record,
            Group = request.Group,
        };
        try
        {
            try
            {
                Store.Create(meta);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ZwarmException(ErrorKind.State, $"cannot write to {Store.SessionsDirectory}: {e.Message}");
            }
        }
        catch (ZwarmException) when (workspace is not null)
        {
            // Nothing half-made: the new worktree and branch hold no work yet, so they go with the failed spawn.
            await Cleanup.RemoveAsync(workspace.Record, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var spec = adapter.BuildFirstTurn(new TurnRequest(id, request.Task, model, workingDir, sandbox, settings))
            with { Executable = executable };
        spec = workspace?.Wrap(spec) ?? spec; // worktree.setup runs inside the turn, before the agent
        using var _ = await Store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        return Launch(meta, spec, 1);
    }

    /// <summary>
    /// Starts turn N+1 of a stopped session with <paramref name="message"/>, resuming the CLI's own conversation
    /// (same model, sandbox and working directory). Refuses while the session is running.
    /// </summary>
    public async Task<SessionMeta> ContinueAsync(string idOrPrefix, string message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ZwarmException(ErrorKind.Usage, "the message is empty");
        }
        var id = Store.Resolve(idOrPrefix);
        using var _ = await Store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        var meta = LoadOrThrow(id);
        meta = RefreshLocked(meta, cancellationToken);
        if (!meta.Status.IsStopped())
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {ShortId(id)} is still {meta.Status.ToName()} (turn {meta.Turn}); wait for it or kill it first");
        }
        var adapter = AdapterFor(meta);
        var resumeId = meta.ResumeId;
        if (string.IsNullOrEmpty(resumeId))
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {ShortId(id)} cannot be continued: its agent never reported a conversation id (turn {meta.Turn} failed before it started)");
        }
        var settings = _context.Config.AdapterSettingsFor(adapter.Name);
        var sandbox = SandboxModes.TryParse(meta.Sandbox, out var s) ? s : _context.Config.Executor.Sandbox;
        if (!Directory.Exists(meta.WorkingDir))
        {
            throw new ZwarmException(ErrorKind.Conflict, $"the session's working directory {meta.WorkingDir} no longer exists");
        }
        var executable = ResolveExecutable(adapter, settings, meta.WorkingDir);
        var model = string.IsNullOrEmpty(meta.Model) ? null : meta.Model;

        var now = Timestamps.Now(Time);
        var next = meta.Turn + 1;
        meta = meta with
        {
            Status = SessionStatus.Pending,
            Turn = next,
            UpdatedAt = now,
            ExitCode = null,
            Error = null,
            Messages = [.. meta.Messages, UserMessage(message, now, next)],
            Turns =
            [
                .. meta.Turns,
                new TurnInfo { Turn = next, Prompt = message, Status = SessionStatus.Pending, Model = model, LaunchToken = TurnToken.New() },
            ],
        };
        Store.Write(meta);

        var spec = adapter.BuildFollowUp(new TurnRequest(id, message, model, meta.WorkingDir, sandbox, settings), resumeId)
            with { Executable = executable };
        return Launch(meta, spec, next);
    }

    /// <summary>Starts the pending turn recorded in <paramref name="meta"/> and records its pid. Caller holds the lock.</summary>
    private SessionMeta Launch(SessionMeta meta, ProcessSpec spec, int turn)
    {
        var finalizer = _context.FinalizerPath is { } path ? new TurnFinalizer(path, _context.StateDirectory, meta.Id) : null;
        var launch = new TurnLaunch(Store.TurnsDirectory(meta.Id), turn, meta.CurrentTurn!.LaunchToken!, finalizer);
        LaunchedTurn launched;
        try
        {
            launched = _launcher.Launch(spec, launch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception
                                       or InvalidOperationException)
        {
            var failed = WithCurrentTurn(meta, t => t with { Status = SessionStatus.Failed, Error = e.Message }) with
            {
                Status = SessionStatus.Failed,
                Error = $"could not start the agent: {e.Message}",
                UpdatedAt = Timestamps.Now(Time),
            };
            Store.Write(failed);
            throw new ZwarmException(ErrorKind.State, $"could not start the agent: {e.Message}");
        }

        var running = WithCurrentTurn(meta, t => t with
        {
            Status = SessionStatus.Running,
            StartedAt = Timestamps.Now(Time),
            Pid = launched.Pid,
            PidStart = launched.StartTime,
            BootId = launched.BootId,
        }) with
        {
            Status = SessionStatus.Running,
            Pid = launched.Pid,
            UpdatedAt = Timestamps.Now(Time),
        };
        Store.Write(running);
        return running;
    }

    private IAgentAdapter ResolveAdapter(string name)
    {
        if (Agents.TryGet(name, out var adapter))
        {
            return adapter;
        }
        throw new ZwarmException(ErrorKind.Usage, Agents.UnknownMessage(name));
    }

    private string ResolveWorkingDirectory(string? requested)
    {
        var dir = string.IsNullOrWhiteSpace(requested)
            ? _context.WorkingDirectory
            : Path.GetFullPath(requested, _context.WorkingDirectory);
        if (!Directory.Exists(dir))
        {
            throw new ZwarmException(ErrorKind.Usage, $"working directory {dir} does not exist");
        }
        return dir.Length > 1 ? dir.TrimEnd('/') : dir;
    }

    private SandboxMode ResolveSandbox(string? requested)
    {
        if (requested is null)
        {
            return _context.Config.Executor.Sandbox;
        }
        return SandboxModes.TryParse(requested, out var mode)
            ? mode
            : throw new ZwarmException(ErrorKind.Usage,
                $"unknown sandbox '{requested}' (known: {string.Join(", ", SandboxModes.Names)})");
    }

    // One lookup order for every command (config, ZWARM_<CLI>_BIN, ZWARM_AGENTS_DIR, data folder, checkout, PATH).
    private string ResolveExecutable(IAgentAdapter adapter, AdapterSettings settings, string workingDir) =>
        Core.Agents.Install.AgentLocator.For(_context).Require(adapter, settings, workingDir).Path;

    /// <summary>The environment the agent process gets: zwarm's own, with the adapter's config overrides applied.</summary>
    private Dictionary<string, string?> AgentEnvironment(AdapterSettings settings)
    {
        var environment = new Dictionary<string, string?>(_context.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in settings.Env)
        {
            environment[key] = value;
        }
        return environment;
    }

    private SessionMeta LoadOrThrow(string id)
    {
        try
        {
            return Store.Load(id) ?? throw new ZwarmException(ErrorKind.NotFound, $"no session {id}");
        }
        catch (CorruptSessionException e)
        {
            throw new ZwarmException(ErrorKind.State, e.Message);
        }
    }

    internal static SessionMeta WithCurrentTurn(SessionMeta meta, Func<TurnInfo, TurnInfo> change)
    {
        if (meta.Turns.Count == 0)
        {
            return meta;
        }
        var turns = meta.Turns.ToList();
        turns[^1] = change(turns[^1]);
        return meta with { Turns = turns };
    }

    private static SessionMessage UserMessage(string content, string timestamp, int turn) => new()
    {
        Role = "user",
        Content = content,
        Timestamp = timestamp,
        Metadata = new Dictionary<string, JsonElement> { ["turn"] = JsonSerializer.SerializeToElement(turn, SessionJsonContext.Store.Int32) },
    };

    internal static string ShortId(string id) => id.Length > 8 ? id[..8] : id;

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
