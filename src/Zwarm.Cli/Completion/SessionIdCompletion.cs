// Completion of session ids, declared on the verbs' id arguments so every face that completes from the command
// tree (the REPL's Tab, a shell completion script) offers the same thing: ids in the short form `ls` shows
// (8 characters, longer only where two ids share them), the preferred ones (running for kill) when any match,
// newest first, then `last`. The order travels in SortText, which System.CommandLine itself sorts by the match.
using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Completion;

internal static class SessionIdCompletion
{
    private const int ShortIdLength = 8;

    /// <summary>Offers the sessions of the state directory the line works on as values of <paramref name="argument"/>.</summary>
    public static void Add(Argument argument, CommandActions actions, SessionPreference prefer = SessionPreference.Any)
    {
        argument.HelpName ??= argument.Name; // help would otherwise list the completions (reading the store to print help)
        argument.CompletionSources.Add(context => Complete(argument, context, () => Read(actions, context.ParseResult), prefer));
    }

    internal static IEnumerable<CompletionItem> Complete(Argument argument, CompletionContext context,
        Func<IReadOnlyList<SessionSummary>> sessions, SessionPreference prefer)
    {
        if (IsFull(argument, context))
        {
            return [];
        }
        var typed = context.WordToComplete;
        var all = sessions();
        var matching = all.Where(s => s.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.CreatedAt, StringComparer.Ordinal).ToList();
        var preferred = matching.Where(s => prefer switch
        {
            SessionPreference.Running => !s.Status.IsStopped(),
            SessionPreference.Stopped => s.Status.IsStopped(),
            _ => true,
        }).ToList();
        var ids = all.Select(s => s.Id).ToList();
        var words = (preferred.Count > 0 ? preferred : matching).Select(s => ShortForm(s.Id, ids, typed)).ToList();
        words.Add(SessionStore.LastAlias);
        return words.Select((w, i) => new CompletionItem(w, CompletionKinds.Value,
            sortText: i.ToString("D5", CultureInfo.InvariantCulture) + " " + w));
    }

    /// <summary>The shortest prefix of <paramref name="id"/> (at least 8 characters, and at least what was typed) that no other id shares.</summary>
    internal static string ShortForm(string id, IReadOnlyList<string> allIds, string typed)
    {
        var length = Math.Max(ShortIdLength, typed.Length);
        while (length < id.Length && allIds.Any(other => other != id && other.StartsWith(id[..length], StringComparison.OrdinalIgnoreCase)))
        {
            length++;
        }
        return id[..Math.Min(length, id.Length)];
    }

    // Whether the argument already has all the values it takes (not counting the word being completed), so the
    // next word belongs to something else: `continue ID <Tab>` is the message, not a second id.
    private static bool IsFull(Argument argument, CompletionContext context)
    {
        var result = context.ParseResult.GetResult(argument);
        var used = result?.Tokens.Count ?? 0;
        var tokens = context.ParseResult.Tokens;
        if (used > 0 && context.WordToComplete.Length > 0 && tokens.Count > 0 && ReferenceEquals(result!.Tokens[^1], tokens[^1]))
        {
            used--;
        }
        return used >= argument.Arity.MaximumNumberOfValues;
    }

    private static IReadOnlyList<SessionSummary> Read(CommandActions actions, ParseResult parse)
    {
        try
        {
            var store = new SessionStore(actions.Factory.StateDirectory(parse));
            return Directory.Exists(store.SessionsDirectory) ? new SessionIndex(store).Read().Sessions : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Zwarm.Core.ZwarmException)
        {
            return [];
        }
    }
}
