// The ONE tool surface: the tools of ToolCatalog that these options offer (the orchestrator, pilot and `zwarm mcp`
// each build one), executed against the same SessionService the CLI verbs use, plus the state they share (which
// turns the model has read). A tool never throws for the model's mistakes: bad arguments, unknown ids,
// refused actions all come back as {"error": ...} results the model can read and correct.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    private readonly SessionService _sessions;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Lock _seenLock = new();

    public SessionTools(SessionService sessions, SessionToolOptions options)
    {
        _sessions = sessions;
        // bash is offered only where its commands run read-only, or where the user opted out of that protection.
        Bash = options.BashEnabled ? options.Sandbox ?? BashSandbox.Detect() : null;
        Options = options with { BashEnabled = Bash is not null && (Bash.Enforced || options.BashUnsandboxed) };
        Directories = new DirectoryGuard(options.AllowedDirectories);
        Offered = [.. ToolCatalog.All.Where(t => Options.Offers(t))];
        Declarations = [.. Offered.Select(t => (AITool)t.Declare(this))];
    }

    public SessionToolOptions Options { get; }

    public SessionService Sessions => _sessions;

    /// <summary>How bash commands run (null when bash was not asked for).</summary>
    public BashSandbox? Bash { get; }

    internal DirectoryGuard Directories { get; }

    /// <summary>The tools these options offer, in catalog order (the same objects every face uses).</summary>
    public IReadOnlyList<SessionTool> Offered { get; }

    /// <summary>The tools to put in <see cref="ChatOptions.Tools"/> (bash and exit only when enabled).</summary>
    public IReadOnlyList<AITool> Declarations { get; }

    public bool IsOffered(string name) => Declarations.Any(d => d.Name == name);

    /// <summary>Which turn of each session the model has read in full (check_session): what "needs attention" is measured against.</summary>
    public IReadOnlyDictionary<string, int> SeenTurns
    {
        get
        {
            lock (_seenLock)
            {
                return new Dictionary<string, int>(_seen, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Restores <see cref="SeenTurns"/> (when an instance is resumed).</summary>
    public void RestoreSeenTurns(IReadOnlyDictionary<string, int> seen)
    {
        lock (_seenLock)
        {
            foreach (var (id, turn) in seen)
            {
                _seen[id] = turn;
            }
        }
    }

    /// <summary>Runs one tool call. Only cancellation escapes as an exception.</summary>
    public async Task<ToolOutcome> InvokeAsync(string name, IDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        try
        {
            return Offered.FirstOrDefault(t => t.Name == name) is { } tool
                ? await tool.InvokeAsync(this, arguments, cancellationToken).ConfigureAwait(false)
                : Error($"unknown tool '{name}'", $"available tools: {string.Join(", ", Offered.Select(d => d.Name))}");
        }
        catch (ToolArgumentException e)
        {
            return Error(e.Message, ArgumentHint(name));
        }
        catch (ZwarmException e)
        {
            return Error(e.Message, HintFor(e.Kind));
        }
        catch (CorruptSessionException e)
        {
            return Error(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error($"file system error: {e.Message}");
        }
        catch (Exception e)
        {
            return Error($"internal error in {name}: {e.GetType().Name}: {e.Message}");
        }
    }

    internal static ToolOutcome Error(string message, string? hint = null) =>
        new(Serialize(new ToolErrorResult(message, hint), ToolJsonContext.Compact.ToolErrorResult), IsError: true, $"error: {message}");

    internal static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private string? ArgumentHint(string name) =>
        Declarations.OfType<AIFunctionDeclaration>().FirstOrDefault(d => d.Name == name) is { } d
            ? $"expected arguments: {d.JsonSchema.GetRawText()}"
            : null;

    private static string? HintFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "use list_sessions to see the sessions and their ids",
        ErrorKind.Ambiguous => "give more characters of the id",
        ErrorKind.Conflict => "the session is busy: wait_for_sessions until it stops, or end_session it",
        ErrorKind.AgentMissing => "choose another adapter",
        _ => null,
    };

    internal void MarkSeen(SessionMeta meta)
    {
        if (meta.Status.IsStopped())
        {
            lock (_seenLock)
            {
                _seen[meta.Id] = meta.Turn;
            }
        }
    }

    internal bool IsOwn(string source) => source == Options.Source;

    /// <summary>Ended on purpose: the session no longer needs attention.</summary>
    internal void MarkEnded(SessionMeta meta)
    {
        lock (_seenLock)
        {
            _seen[meta.Id] = meta.Turn;
        }
    }

    /// <summary>Why a session needs the model's attention, or null (a stopped turn not yet read, or a failure).</summary>
    public string? AttentionFor(SessionSummary session)
    {
        if (!session.Status.IsStopped())
        {
            return null;
        }
        int seenTurn;
        lock (_seenLock)
        {
            seenTurn = _seen.GetValueOrDefault(session.Id);
        }
        if (seenTurn >= session.Turns)
        {
            return null;
        }
        return session.Status switch
        {
            SessionStatus.Failed => $"turn {session.Turns} failed: {Short(session.Error, 160) ?? "see check_session"}",
            SessionStatus.Killed => $"turn {session.Turns} was killed",
            _ => $"turn {session.Turns} finished; read its result with check_session",
        };
    }

    /// <summary>The sessions started through these tools (by <see cref="SessionToolOptions.Source"/>), newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> OwnSessionsAsync(CancellationToken cancellationToken)
    {
        var listing = await _sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. listing.Sessions.Where(s => IsOwn(s.Source))];
    }

    internal static string? Short(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        return text.Length <= max ? text : text[..max] + "…";
    }

    internal static string ShortId(string id) => id.Length > 8 ? id[..8] : id;
}
