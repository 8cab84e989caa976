// What every endpoint of one running dashboard shares: the services over the store, the settings and the secrets.
using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;
using Zwarm.Dashboard.Live;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard;

internal sealed class DashboardContext(SessionService sessions, DashboardSettings settings, string csrf, EventHub hub)
{
    public SessionService Sessions { get; } = sessions;

    public WorkspaceService Workspaces { get; } = new(sessions);

    public InstanceStore Instances { get; } = new(sessions.Context.StateDirectory);

    public DashboardSettings Settings { get; } = settings;

    /// <summary>The value every POST must carry in X-Zwarm-Csrf (new at each start; /api/info hands it out).</summary>
    public string Csrf { get; } = csrf;

    public EventHub Hub { get; } = hub;

    public TimeProvider Time => Sessions.Context.Time;
}
