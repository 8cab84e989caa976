// `zwarm agents [--json] [--check]`, `zwarm agents install NAME [--force]`, `zwarm agents use-local AGENT ...`: the
// supported agent CLIs (from the adapter registry), where the one lookup order finds them, installing the pinned
// versions into zwarm's data folder, and pointing an agent at a local model server.
using System.CommandLine;
using Zwarm.Cli.Agents;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;

namespace Zwarm.Cli.Commands;

internal static class AgentsCommand
{
    public static Command Create(CommandActions actions)
    {
        var json = JsonFlag.Create();
        var check = new Option<bool>("--check") { Description = "Also check that each agent's configured model endpoint answers (a local server only)" };
        var command = new Command("agents", "The supported agent CLIs: where they are installed, their versions, their model endpoints")
        {
            json, check, CreateInstall(actions), CreateUseLocal(actions),
        };
        actions.Set(command, async (ctx, ct) =>
        {
            using var http = new HttpClient();
            var probe = ctx.Get(check) ? new EndpointProbe(http) : null;
            var agents = await new AgentInventory(ctx.Zwarm).ListAsync(probe, ct);
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, agents.Select(AgentView.From).ToList(), AgentsJsonContext.Output.ListAgentView);
            }
            else
            {
                AgentListRenderer.Render(ctx.Terminal.Console, agents);
            }
            return agents.Any(a => a.Endpoint?.Reachable == false) ? ExitCodes.External : ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateInstall(CommandActions actions)
    {
        var name = new Argument<string>("agent") { Description = $"Which agent CLI: {string.Join(" | ", AgentRegistry.Default.Names)}" };
        var force = new Option<bool>("--force") { Description = "Reinstall even when the pinned version is there" };
        var json = JsonFlag.Create();
        var command = new Command("install", "Install an agent CLI's pinned version into zwarm's data folder (npm), where every command finds it")
        {
            name, force, json,
        };
        actions.Set(command, async (ctx, ct) =>
        {
            var service = new AgentInstallService(ctx.Zwarm);
            var adapter = service.Resolve(ctx.Get(name)!);
            ctx.Terminal.Note($"installing {adapter.Package.Spec} into {AgentFolders.DataDirectory(ctx.Zwarm.Environment)} (a few hundred MB, once)");
            var progress = new InstallProgressPrinter(ctx.Terminal.ErrorConsole, adapter.Package.Spec);
            var (result, used) = await service.InstallAsync(adapter, ctx.Get(force), progress, ct);
            var shadowed = used is not null && used.Path != result.Executable ? used : null;
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, new InstallView(adapter.Name, adapter.Package.Spec, result.Executable, result.Version,
                    result.AlreadyInstalled, Math.Round(result.Elapsed.TotalSeconds, 1), used?.Path), AgentsJsonContext.Output.InstallView);
                return ExitCodes.Success;
            }
            ctx.Terminal.Out.WriteLine(result.AlreadyInstalled
                ? $"{adapter.DisplayName} {result.Version} is already installed: {result.Executable} (reinstall with --force)"
                : $"installed {adapter.DisplayName} {result.Version} in {result.Elapsed.TotalSeconds:0} s: {result.Executable}");
            if (shadowed is not null)
            {
                ctx.Terminal.Note($"note: spawn runs {shadowed.Path} first (found in {shadowed.SourceLabel})");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateUseLocal(CommandActions actions)
    {
        var agent = new Argument<string>("agent") { Description = $"Which agent CLI: {string.Join(" | ", AgentRegistry.Default.Names)}" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The model server, e.g. http://localhost:11434/v1 (Ollama)" };
        var model = new Option<string?>("--model", "-m") { Description = "The model to ask the server for, e.g. qwen3-coder" };
        var keyVariable = new Option<string?>("--api-key-env") { Description = "The variable holding the server's key (default: none needed)" };
        var off = new Option<bool>("--off") { Description = "Remove the agent's use-local settings (back to its public API)" };
        var print = new Option<bool>("--print") { Description = "Show what would be written, write nothing" };
        var json = JsonFlag.Create();
        var command = new Command("use-local", "Point an agent CLI at a local model server (Ollama, vLLM, LM Studio, ...) in .zwarm/config.toml")
        {
            agent, baseUrl, model, keyVariable, off, print, json,
        };
        actions.Set(command, (ctx, _) =>
        {
            var service = new LocalModelService(ctx.Zwarm);
            LocalModelChange change;
            if (ctx.Get(off))
            {
                change = service.Off(ctx.Get(agent)!, ctx.Get(print));
            }
            else
            {
                var url = ctx.Get(baseUrl) ?? throw new Core.ZwarmException(Core.ErrorKind.Usage,
                    "use-local needs --base-url URL (e.g. http://localhost:11434/v1), or --off");
                change = service.Use(ctx.Get(agent)!, url, ctx.Get(model), ctx.Get(keyVariable), ctx.Get(print));
            }
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, new UseLocalView(change.Adapter, change.ConfigPath, change.Written, change.Changed, change.Block,
                    change.Setup?.Files.Select(f => f.Path).ToList() ?? [], change.Setup?.Api, change.Setup?.Servers), AgentsJsonContext.Output.UseLocalView);
            }
            else
            {
                UseLocalRenderer.Render(ctx.Terminal.Out, change);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
