// Completion of option values other than session ids, declared on the verbs' options: agent names, models,
// sandbox modes, statuses, directories.
using System.CommandLine;
using System.CommandLine.Completions;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Completion;

internal static class ValueCompletion
{
    public static void Adapters(Option option) =>
        Labelled(option).CompletionSources.Add(_ => AgentRegistry.Default.Adapters.SelectMany(a => a.Aliases.Prepend(a.Name)));

    public static void SandboxModes(Option option) =>
        Labelled(option).CompletionSources.Add(_ => Zwarm.Core.Agents.SandboxModes.Names);

    public static void Statuses(Option option) =>
        Labelled(option).CompletionSources.Add(_ => Enum.GetValues<SessionStatus>().Select(s => s.ToName()));

    /// <summary>Models of the price table in effect (config overrides included), aliases too.</summary>
    public static void Models(Symbol symbol, CommandActions actions)
    {
        Func<CompletionContext, IEnumerable<string>> source = context =>
        {
            PriceTable prices;
            try
            {
                prices = actions.Factory.Create(context.ParseResult).Context.Config.BuildPriceTable();
            }
            catch (Exception e) when (e is ZwarmException or IOException or UnauthorizedAccessException)
            {
                prices = PriceTable.Default;
            }
            return [.. prices.Prices.Keys.Order(StringComparer.Ordinal), .. prices.Aliases.Keys.Order(StringComparer.Ordinal)];
        };
        switch (symbol)
        {
            case Option option:
                Labelled(option).CompletionSources.Add(source);
                break;
            case Argument argument:
                argument.HelpName ??= argument.Name;
                argument.CompletionSources.Add(source);
                break;
        }
    }

    /// <summary>Directories under the working directory (or `~/`), with a trailing slash; hidden ones only when asked.</summary>
    public static void Directories(Option option, CommandActions actions)
    {
        Labelled(option).CompletionSources.Add(context => DirectoryNames(context.WordToComplete, actions.Factory.WorkingDirectory,
            actions.Factory.Environment.GetValueOrDefault("HOME")).Select(d => new CompletionItem(d, CompletionKinds.Value)));
    }

    internal static IReadOnlyList<string> DirectoryNames(string typed, string workingDirectory, string? home)
    {
        var slash = typed.LastIndexOf('/');
        var dirPart = slash >= 0 ? typed[..(slash + 1)] : "";
        var namePart = typed[(slash + 1)..];
        var expanded = dirPart.StartsWith("~/", StringComparison.Ordinal) && home is not null
            ? Path.Combine(home, dirPart[2..])
            : dirPart;
        try
        {
            var baseDir = Path.GetFullPath(expanded.Length == 0 ? "." : expanded, workingDirectory);
            return Directory.Exists(baseDir)
                ? [.. Directory.EnumerateDirectories(baseDir).Select(Path.GetFileName).OfType<string>()
                    .Where(n => namePart.StartsWith('.') || !n.StartsWith('.'))
                    .Where(n => n.StartsWith(namePart, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal).Select(n => dirPart + n + "/")]
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    // Help labels a value by its completions unless the option has a help name: keep `--model <model>`.
    private static Option Labelled(Option option)
    {
        option.HelpName ??= option.Name.TrimStart('-');
        return option;
    }
}
