// GET /api/info: what the UI needs before anything else (version, read-only, the CSRF value for its POSTs, the
// state directory it shows, the server's clock for ages).
using Microsoft.AspNetCore.Http;

namespace Zwarm.Dashboard.Api;

internal sealed class InfoEndpoint(DashboardContext dashboard)
{
    public Task GetAsync(HttpContext context) =>
        ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("version", dashboard.Settings.Version);
            w.WriteBoolean("read_only", dashboard.Settings.ReadOnly);
            w.WriteString("csrf", dashboard.Csrf);
            w.WriteString("state_dir", Path.GetFullPath(dashboard.Sessions.Context.StateDirectory));
            w.WriteString("now", dashboard.Time.GetUtcNow());
            w.WriteEndObject();
        });
}
