using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm orchestrate`: an LLM plans the task, delegates it to agent sessions, checks and corrects them, and exits.</summary>
internal static class OrchestrateCommand
{
    public const string Name = "orchestrate";

    public const string Description = "Let an LLM orchestrator plan the task, delegate it to agent sessions, verify and finish";

    public static Command Create(CommandActions actions)
    {
        var task = new Option<string?>("--task", "-t") { Description = "The task (or --task-file, or pipe it on stdin)" };
        var taskFile = new Option<string?>("--task-file") { Description = "Read the task from this file" };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Step limit of this run (default: orchestrator.max_steps, 50)" };
        var llmOptions = new LlmOptions("orchestrator.model", "orchestrator.base_url");
        var resume = new Option<bool>("--resume") { Description = "Continue a stopped instance from its saved conversation (with --instance; --task adds a new instruction)" };
        var instance = new Option<string?>("--instance", "-i") { Description = "With --resume: the instance to continue (default: the newest). Otherwise: a name for the new instance" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not stream the model's text (steps and tool calls are still shown)" };
        var json = JsonFlag.Create();
        var command = new Command(Name, Description)
        {
            task, taskFile, maxSteps, resume, instance, quiet, json,
        };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }
        actions.Set(command, async (ctx, ct) =>
        {
            var text = ReadTask(ctx, ctx.Get(task), ctx.Get(taskFile));
            var config = ctx.Loaded.Upper.Orchestration;
            var llm = llmOptions.Resolve(ctx, config.Orchestrator.Llm, ctx.Get(resume) ? store => store.Resolve(ctx.Get(instance)) : null);
            config = config with { Orchestrator = config.Orchestrator with { Llm = llm } };
            if (BashNotices.Current(config.Orchestrator.BashEnabled, config.Orchestrator.BashUnsandboxed) is { } bashNotice)
            {
                ctx.Terminal.Error(bashNotice);
            }

            using var model = ModelHost.Start(ctx.Zwarm.Environment, llm, config.Orchestrator,
                ctx.Get(instance) ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var progress = new OrchestratorProgress(ctx.Terminal.ErrorConsole, showText: !ctx.Get(quiet));
            var orchestrator = new Orchestrator(model.Setup(ctx.Sessions, config, progress.OnEvent, progress.OnStream));
            var result = await orchestrator.RunAsync(new OrchestratorRequest
            {
                Task = text,
                InstanceId = ctx.Get(instance),
                Resume = ctx.Get(resume),
                MaxSteps = ctx.Get(maxSteps),
            }, ct);
            Report(ctx, result, ctx.Get(json));
            return result.Status switch
            {
                InstanceStatus.Completed => ExitCodes.Success,
                InstanceStatus.StepLimit => ExitCodes.StepLimit,
                InstanceStatus.Aborted => ExitCodes.Aborted,
                InstanceStatus.Paused => ExitCodes.Paused,
                InstanceStatus.Interrupted => ExitCodes.Interrupted,
                _ => ExitCodes.External,
            };
        });
        return command;
    }

    private static string? ReadTask(CommandContext ctx, string? task, string? file)
    {
        if (task is not null && file is not null)
        {
            throw new ZwarmException(ErrorKind.Usage, "give either --task or --task-file, not both");
        }
        if (file is not null)
        {
            var path = Path.GetFullPath(file, ctx.Zwarm.WorkingDirectory);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ZwarmException(ErrorKind.Usage, $"--task-file: cannot read {path}: {e.Message}");
            }
        }
        if (task is not null)
        {
            return task;
        }
        // Piped input is the task; a terminal is never read (it would wait for typing).
        return ctx.Terminal.IsInteractive ? null : ctx.Terminal.In.ReadToEnd();
    }

    private static void Report(CommandContext ctx, OrchestratorResult result, bool json)
    {
        var store = new InstanceStore(ctx.Zwarm.StateDirectory);
        if (json)
        {
            JsonOutput.Write(ctx.Terminal, new OrchestrateView(result.InstanceId, result.Status.ToName(), result.Reason, result.Summary,
                result.RunSteps, result.TotalSteps, result.Usage.InputTokens, result.Usage.OutputTokens, result.CostUsd, result.Sessions,
                result.InstanceDirectory, store.EventsPath(result.InstanceId)), CliJsonContext.Output.OrchestrateView);
            return;
        }
        var console = ctx.Terminal.Console;
        var colour = result.Status switch
        {
            InstanceStatus.Completed => "green",
            InstanceStatus.Failed or InstanceStatus.Aborted => "red",
            _ => "yellow",
        };
        console.MarkupLine($"[bold]instance {TerminalText.Escape(result.InstanceId)}[/] [{colour}]{result.Status.ToName()}[/] after {result.RunSteps} step{(result.RunSteps == 1 ? "" : "s")}" +
            $" · orchestrator {Format.Tokens(result.Usage.TotalTokens)} tokens {Format.Cost(result.CostUsd)}" +
            $" · {result.Sessions.Count} session{(result.Sessions.Count == 1 ? "" : "s")} {Format.Cost(result.Sessions.Sum(s => s.CostUsd ?? 0m))}");
        if (result.Summary is { } summary)
        {
            ctx.Terminal.Out.WriteLine(TerminalText.Safe(summary.TrimEnd()));
        }
        else if (result.Status == InstanceStatus.Failed && result.Reason is { } error)
        {
            ctx.Terminal.Error(error);
        }
        else if (result.Reason is { } reason)
        {
            console.MarkupLine($"[{colour}]{TerminalText.Escape(reason)}[/]");
        }
        if (result.Sessions.Count > 0)
        {
            console.Write(SessionTable.Build(result.Sessions, ctx.Zwarm.Time.GetUtcNow()));
        }
        ctx.Terminal.Note($"history: zwarm history --instance {result.InstanceId}   state: {result.InstanceDirectory}");
    }
}
