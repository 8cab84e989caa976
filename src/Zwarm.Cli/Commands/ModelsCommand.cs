using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm models [FILTER]`: known models, their aliases and list prices (with config overrides).</summary>
internal static class ModelsCommand
{
    public static Command Create(CommandActions actions)
    {
        var filter = new Argument<string?>("filter") { Description = "Only models or aliases containing this text", Arity = ArgumentArity.ZeroOrOne };
        var json = JsonFlag.Create();
        var wide = WideFlag.Create();
        var command = new Command("models", "List known models, their aliases and prices (USD per 1M tokens)") { filter, json, wide };
        ValueCompletion.Models(filter, actions);
        actions.Set(command, (ctx, ct) =>
        {
            var views = ModelTable.Filter(ModelTable.Views(ctx.Sessions.Prices), ctx.Get(filter));
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, views.ToList(), CliJsonContext.Output.ListModelView);
                return Task.FromResult(ExitCodes.Success);
            }
            if (views.Count == 0)
            {
                ctx.Terminal.Note($"no known model matches '{ctx.Get(filter)}'");
                return Task.FromResult(ExitCodes.Success);
            }
            ctx.Terminal.Console.Write(ModelTable.Build(views, ctx.Get(wide)));
            ctx.Terminal.Note(ModelTable.Footnote);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
