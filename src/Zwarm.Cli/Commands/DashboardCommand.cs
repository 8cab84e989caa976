using System.CommandLine;
using System.Net;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Dashboard;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm dashboard [--port P] [--open] [--read-only] [--host ADDR --i-know-this-is-exposed] [--new-token]`: a live
/// web view of the store on 127.0.0.1 (src/Zwarm.Dashboard). stdout gets one line, the URL with its token (as
/// Jupyter prints it); notes go to stderr. Serves until Ctrl+C (exit 0); sessions keep running. A busy port or a
/// bad option: one line and exit 2 (usage) or 9 (state). Runs in the full binary (zwarm-llm in a native install).
/// </summary>
internal static class DashboardCommand
{
    public const string Name = "dashboard";

    public const string Description = "Serve a live web dashboard of every session and run on 127.0.0.1 (prints its URL with an access token)";

    public static Command Create(CommandActions actions)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (default 0: any free port)", DefaultValueFactory = _ => 0 };
        var open = new Option<bool>("--open") { Description = "Open the URL in the browser (xdg-open / open)" };
        var readOnly = new Option<bool>("--read-only") { Description = "Only look: no continue, kill, merge, apply or discard" };
        var host = new Option<string?>("--host") { Description = "Listen on this address instead of 127.0.0.1 (needs --i-know-this-is-exposed)" };
        var exposed = new Option<bool>("--i-know-this-is-exposed") { Description = "Confirm --host: anyone who can reach the address and has the token can start and kill agents" };
        var newToken = new Option<bool>("--new-token") { Description = "Replace the token in STATE_DIR/dashboard.token (URLs printed before stop working)" };
        var command = new Command(Name, Description) { port, open, readOnly, host, exposed, newToken };
        actions.Set(command, async (ctx, ct) =>
        {
            if (ctx.Get(port) is < 0 or > 65535)
            {
                throw new ZwarmException(ErrorKind.Usage, "--port must be between 0 and 65535");
            }
            var address = ctx.Get(host) ?? "127.0.0.1";
            if (!IPAddress.TryParse(address, out var ip))
            {
                throw new ZwarmException(ErrorKind.Usage, $"--host must be an IP address, not '{address}'");
            }
            if (!IPAddress.IsLoopback(ip) && !ctx.Get(exposed))
            {
                throw new ZwarmException(ErrorKind.Usage,
                    $"--host {address} exposes the dashboard (it can start and kill agents) beyond this machine; add --i-know-this-is-exposed if you mean it");
            }
            var settings = new DashboardSettings(ctx.Get(port), Path.Combine(ctx.Zwarm.StateDirectory, DashboardSettings.DefaultTokenFileName), VersionText.Get())
            {
                Host = address,
                ReadOnly = ctx.Get(readOnly),
                NewToken = ctx.Get(newToken),
            };
            await using var server = await DashboardServer.StartAsync(ctx.Sessions, settings, ct);
            ctx.Terminal.Out.WriteLine(server.LoginUrl);
            ctx.Terminal.Out.Flush();
            if (!IPAddress.IsLoopback(ip))
            {
                ctx.Terminal.Note($"warning: the dashboard listens on {address}: anyone who can reach it and has the token can start and kill agents");
            }
            ctx.Terminal.Note($"zwarm dashboard: serving {ctx.Zwarm.StateDirectory} at {server.BaseUrl}{(settings.ReadOnly ? " (read-only)" : "")}; " +
                $"the token is kept in {settings.TokenFile}. Ctrl+C stops it; sessions keep running.");
            if (ctx.Get(open) && await BrowserOpener.OpenAsync(server.LoginUrl, ctx.Zwarm.Environment, ct) is { } problem)
            {
                ctx.Terminal.Note(problem);
            }
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            ctx.Terminal.Note("zwarm dashboard: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
