using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;
using Zwarm.Core;
using Zwarm.Core.Config;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm init`: create the state directory and a fully commented config.toml.</summary>
internal static class InitCommand
{
    public static Command Create(CommandActions actions)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing config.toml" };
        var command = new Command("init", "Create .zwarm/ with a commented config.toml") { force };
        actions.Set(command, (ctx, ct) =>
        {
            var state = ctx.Zwarm.StateDirectory;
            var explicitState = ctx.Loaded.Globals.StateDir is not null
                || ctx.Zwarm.Environment.ContainsKey("ZWARM_STATE_DIR");
            if (!explicitState)
            {
                // init always means "here", not an ancestor's .zwarm.
                state = Path.Combine(ctx.Zwarm.WorkingDirectory, ".zwarm");
            }
            try
            {
                // The store is private (0700 folders, 0600 files): it will hold prompts, transcripts and secrets.
                PrivateStore.CreateDirectory(state);
                PrivateStore.CreateDirectory(Path.Combine(state, "sessions"));
                PrivateStore.CreateDirectory(Path.Combine(state, "instances"));
                var config = Path.Combine(state, "config.toml");
                if (File.Exists(config) && !ctx.Get(force))
                {
                    ctx.Terminal.Note($"{config} already exists (use --force to overwrite)");
                }
                else
                {
                    AtomicFile.WriteAllBytes(config, System.Text.Encoding.UTF8.GetBytes(ConfigTemplate.Build(ConfigTemplates.UpperLayers)));
                    ctx.Terminal.Out.WriteLine($"wrote {config}");
                }
                StateIgnoreFile.Ensure(state);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ZwarmException(ErrorKind.State, $"cannot initialize {state}: {e.Message}");
            }
            ctx.Terminal.Note($"initialized {state}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
