using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm doctor`: what zwarm can find — agent CLIs and versions, API keys, a writable state dir, config.</summary>
internal static class DoctorCommand
{
    private static readonly string[] KeyNames = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "CODEX_HOME", "CLAUDE_CONFIG_DIR", "ANTHROPIC_BASE_URL"];

    public static Command Create(CommandActions actions)
    {
        var json = JsonFlag.Create();
        var command = new Command("doctor", "Check the agent CLIs, API keys, state directory and config") { json };
        command.SetAction(async (parse, ct) =>
        {
            var terminal = actions.Terminal;
            string? configError = null;
            LoadedContext? loaded = null;
            try
            {
                loaded = actions.Factory.Create(parse);
            }
            catch (ZwarmException e)
            {
                configError = e.Message;
            }
            var env = actions.Factory.Environment;
            var stateDir = loaded?.Context.StateDirectory
                ?? Core.Config.ZwarmContext.ResolveStateDirectory(parse.GetValue(GlobalOptions.StateDir), actions.Factory.WorkingDirectory, env);
            var config = loaded?.Context.Config ?? Core.Config.ZwarmConfig.Default;

            var agents = new List<DoctorAgent>();
            foreach (var adapter in AgentRegistry.Default.Adapters)
            {
                var settings = config.AdapterSettingsFor(adapter.Name);
                var name = settings.Executable ?? adapter.ExecutableName;
                var path = new Core.Agents.Install.AgentLocator(env, Core.Agents.Install.AgentLocator.DefaultCheckout).Find(adapter, settings, actions.Factory.WorkingDirectory)?.Path;
                string? version = null, problem = null;
                if (path is null)
                {
                    problem = "not found on PATH";
                }
                else
                {
                    (version, problem) = await ReadVersionAsync(path, ct);
                }
                agents.Add(new DoctorAgent(adapter.Name, name, path, version, problem, adapter.InstallHint));
            }
            var keys = KeyNames.Select(k => new DoctorKey(k, !string.IsNullOrEmpty(env.GetValueOrDefault(k)))).ToList();
            var llmBinary = LlmVerbs.InProcess ? null : LlmVerbs.Resolve(env, Environment.ProcessPath);
            var llm = new DoctorLlmVerbs(LlmVerbs.InProcess, llmBinary, llmBinary is null || File.Exists(llmBinary));
            var report = new DoctorReport(stateDir, IsWritable(stateDir), agents, keys,
                loaded?.Document.SourcePath is { } p && File.Exists(p) ? p : null, configError, File.Exists(ExecutableResolver.Setsid), llm);
            var healthy = report.StateWritable && report.ConfigError is null && report.Setsid && llm.Available && agents.Any(a => a.Problem is null);

            if (parse.GetValue(json))
            {
                JsonOutput.Write(terminal, report, CliJsonContext.Output.DoctorReport);
                return healthy ? ExitCodes.Success : ExitCodes.SessionFailed;
            }
            var console = terminal.Console;
            string Mark(bool ok) => ok ? "[green]ok[/]" : "[red]!![/]";
            foreach (var a in agents)
            {
                console.MarkupLine($"{Mark(a.Problem is null)} {a.Adapter,-12} " + (a.Problem is null
                    ? Markup.Escape($"{a.Version} ({a.Path})")
                    : $"[red]{Markup.Escape(a.Problem)}[/] — install: {Markup.Escape(a.InstallHint)}"));
            }
            foreach (var k in keys)
            {
                console.MarkupLine($"{(k.Present ? "[green]ok[/]" : "[grey]--[/]")} {k.Name,-20} {(k.Present ? "set" : "not set")}");
            }
            console.MarkupLine($"{Mark(report.StateWritable)} state dir    {Markup.Escape(stateDir)}{(report.StateWritable ? " (writable)" : " [red](not writable)[/]")}");
            console.MarkupLine($"{Mark(report.ConfigError is null)} config       {Markup.Escape(report.ConfigError ?? report.ConfigFile ?? "(none, defaults)")}");
            console.MarkupLine($"{Mark(report.Setsid)} setsid       {Markup.Escape(ExecutableResolver.Setsid)}");
            console.MarkupLine($"{Mark(llm.Available)} llm verbs    " + (llm.InProcess
                ? "orchestrate, pilot and demo run in this binary"
                : llm.Available
                    ? $"orchestrate, pilot and demo run in {Markup.Escape(llm.Binary ?? "")}"
                    : $"[red]{Markup.Escape(llm.Binary ?? "")} is missing[/]: orchestrate, pilot and demo need it (scripts/install.sh)"));
            return healthy ? ExitCodes.Success : ExitCodes.SessionFailed;
        });
        return command;
    }

    private static async Task<(string? Version, string? Problem)> ReadVersionAsync(string path, CancellationToken ct)
    {
        try
        {
            var psi = new ProcessStartInfo(path, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(psi)!;
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? (Format.OneLine(output, 80), null)
                : (null, $"`{path} --version` exited with {process.ExitCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "`--version` did not answer within 20 s");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return (null, e.Message);
        }
    }

    private static bool IsWritable(string stateDir)
    {
        try
        {
            // Probe the state dir, or the nearest existing ancestor it would be created in (no side effects).
            var dir = stateDir;
            while (!Directory.Exists(dir) && Path.GetDirectoryName(dir) is { } parent)
            {
                dir = parent;
            }
            var probe = Path.Combine(dir, $".zwarm-doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
