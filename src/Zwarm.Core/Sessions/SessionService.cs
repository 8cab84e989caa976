// The one service every interface calls (CLI verbs, REPL, pilot, orchestrator tools): start, continue, kill, wait,
// list, read, remove, clean. Status is always derived from facts on disk (exit records, process liveness, the
// turn's own stream) and persisted when it changes, so any zwarm process can pick up where another left off.
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Events;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    private readonly ZwarmContext _context;
    private readonly DetachedLauncher _launcher;
    private readonly ProcessGroupKiller _killer;
    private readonly List<ITurnEndHook> _turnEndHooks;
    private PriceTable? _prices;
    private Workspaces.WorktreeCreator? _worktrees;
    private Workspaces.WorkspaceCleanup? _cleanup;

    /// <param name="turnEndHooks">Steps run when a turn's end is recorded (see <see cref="ITurnEndHook"/>), in order.</param>
    public SessionService(ZwarmContext context, AgentRegistry? agents = null, PriceTable? prices = null,
        IEnumerable<ITurnEndHook>? turnEndHooks = null)
    {
        // Isolation's per-turn checkpoint always runs first (it is a no-op for sessions without a worktree).
        _turnEndHooks = [new Workspaces.TurnCheckpointHook(context), .. turnEndHooks ?? []];
        _context = context;
        Store = new SessionStore(context.StateDirectory, context.Time);
        Agents = agents ?? AgentRegistry.Default;
        _prices = prices;
        _launcher = new DetachedLauncher(context.Environment);
        _killer = new ProcessGroupKiller(context.Time);
    }

    public SessionStore Store { get; }

    public AgentRegistry Agents { get; }

    /// <summary>The price table (config overrides applied), built on first use: listing never needs it.</summary>
    public PriceTable Prices => _prices ??= _context.Config.BuildPriceTable();

    public ZwarmContext Context => _context;

    /// <summary>Creates isolated sessions' worktrees (spawn --worktree).</summary>
    internal Workspaces.WorktreeCreator Worktrees => _worktrees ??= new(new Workspaces.GitRunner(_context.Environment), _context);

    /// <summary>Removes isolated sessions' worktrees and branches (rm, clean), never unmerged work.</summary>
    internal Workspaces.WorkspaceCleanup Cleanup => _cleanup ??= new(new Workspaces.GitRunner(_context.Environment));

    private TimeProvider Time => _context.Time;

    /// <summary>Resolves an id or prefix and returns the session with its status brought up to date.</summary>
    public async Task<SessionMeta> GetAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = Store.Resolve(idOrPrefix);
        SessionMeta? meta;
        try
        {
            meta = Store.Load(id);
        }
        catch (CorruptSessionException e)
        {
            throw new ZwarmException(ErrorKind.State, e.Message);
        }
        if (meta is null)
        {
            throw new ZwarmException(ErrorKind.NotFound, $"no session {id}");
        }
        return await RefreshAsync(meta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The adapter a session uses (sessions written by another tool may name one we lack).</summary>
    public IAgentAdapter AdapterFor(SessionMeta meta) =>
        Agents.TryGet(meta.Adapter, out var adapter)
            ? adapter
            : throw new ZwarmException(ErrorKind.State, $"session {meta.Id} uses unknown adapter '{meta.Adapter}'");

    /// <summary>
    /// Streams the normalized events of one turn (1-based) of a session. <paramref name="bulkTextLimit"/>: see
    /// <see cref="IAgentStreamParser.BulkTextLimit"/> (a reader that shows outputs shortened, or not at all, reads
    /// a big turn faster with it).
    /// </summary>
    public IEnumerable<AgentEvent> ReadTurnEvents(SessionMeta meta, int turn, ParseStats? stats = null, int? bulkTextLimit = null) =>
        TurnFileReader.ReadEvents(Store.TurnPath(meta.Id, turn), CreateParser(meta, bulkTextLimit), stats);

    /// <summary>Digest (messages, usage, outcome) of one turn: it needs no command output or reasoning text.</summary>
    public TurnDigest DigestTurn(SessionMeta meta, int turn) =>
        TurnDigest.FromFile(Store.TurnPath(meta.Id, turn), CreateParser(meta, bulkTextLimit: 0));

    private IAgentStreamParser CreateParser(SessionMeta meta, int? bulkTextLimit)
    {
        var parser = AdapterFor(meta).CreateParser();
        parser.BulkTextLimit = bulkTextLimit;
        return parser;
    }
}
