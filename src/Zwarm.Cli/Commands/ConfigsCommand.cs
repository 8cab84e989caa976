using System.CommandLine;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm configs list | show` (the Python zwarm's names): where the configuration comes from, and the settings in
/// effect beyond the defaults (the file with every --set applied), validated like every command validates them.
/// </summary>
internal static class ConfigsCommand
{
    public static Command Create(CommandActions actions)
    {
        var list = new Command("list", "The configuration layers: built-in defaults, the config file, --set overrides");
        actions.Set(list, (ctx, _) =>
        {
            var path = ctx.Loaded.Document.SourcePath;
            var sets = ctx.Loaded.Globals.Sets;
            var output = ctx.Terminal.Out;
            output.WriteLine("1. built-in defaults (every key; `zwarm init` writes them all, commented)");
            output.WriteLine(path is null ? "2. no config file" : $"2. {path}{(File.Exists(path) ? "" : " (missing: defaults apply)")}");
            output.WriteLine(sets.Count == 0 ? "3. no --set overrides" : $"3. --set {string.Join(" --set ", sets)}");
            ctx.Terminal.Note($"state dir: {ctx.Zwarm.StateDirectory}");
            return Task.FromResult(ExitCodes.Success);
        });
        var show = new Command("show", "The settings in effect beyond the defaults, as TOML (the file with every --set applied)");
        actions.Set(show, (ctx, _) =>
        {
            var toml = ctx.Loaded.Document.ToToml();
            if (toml.Length == 0)
            {
                ctx.Terminal.Note("no settings given: every key has its default (zwarm init writes them all, commented)");
            }
            else
            {
                ctx.Terminal.Out.Write(toml.EndsWith('\n') ? toml : toml + "\n");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        var command = new Command("configs", "Show where the configuration comes from and what it sets") { list, show };
        command.Aliases.Add("config");
        return command;
    }
}
