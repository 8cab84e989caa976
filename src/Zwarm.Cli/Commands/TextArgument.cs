// A task or message: the rest of the command line's words, joined by spaces, so `spawn fix the bug` works unquoted
// in the REPL and in a shell alike. A word that looks like an option is refused rather than swallowed into the
// text (`spawn fix --modle x` is a typo, not a task); quote text that starts with '-'.
using System.CommandLine;

namespace Zwarm.Cli.Commands;

internal static class TextArgument
{
    public static Argument<string[]> Create(string name, string description)
    {
        var argument = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => LooksLikeOption(t.Value)) is { } token)
            {
                result.AddError($"unknown option '{token.Value}' (quote text that starts with '-')");
            }
        });
        return argument;
    }

    /// <summary>The words as one text.</summary>
    public static string Join(string[]? words) => string.Join(' ', words ?? []);

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !char.IsAsciiDigit(word[1]) && !word.Any(char.IsWhiteSpace);
}
