// The words after a REPL command's name, split into options (checked against the command's list) and positional
// arguments. `--` ends the options; `--name=value` and `--name value` both work; a later repeat wins.
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplArguments
{
    private readonly Dictionary<string, string?> _options;

    private ReplArguments(ReplCommand command, IReadOnlyList<string> positionals, Dictionary<string, string?> options)
    {
        Command = command;
        Positionals = positionals;
        _options = options;
    }

    public ReplCommand Command { get; }

    public IReadOnlyList<string> Positionals { get; }

    public static ReplArguments Parse(ReplCommand command, IReadOnlyList<string> words)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "--")
            {
                positionals.AddRange(words.Skip(i + 1));
                break;
            }
            if (word.Length < 2 || word[0] != '-' || char.IsAsciiDigit(word[1]))
            {
                positionals.Add(word);
                continue;
            }
            var eq = word.IndexOf('=');
            var name = eq > 0 ? word[..eq] : word;
            var option = command.Options.FirstOrDefault(o => o.Name == name || o.Short == name)
                ?? throw Usage(command, $"{command.Name}: unknown option {name}");
            if (!option.TakesValue)
            {
                if (eq > 0)
                {
                    throw Usage(command, $"{command.Name}: {option.Name} takes no value");
                }
                options[option.Name] = null;
                continue;
            }
            string value;
            if (eq > 0)
            {
                value = word[(eq + 1)..];
            }
            else if (i + 1 < words.Count)
            {
                value = words[++i];
            }
            else
            {
                throw Usage(command, $"{command.Name}: {option.Name} needs a value ({option.ValueName})");
            }
            options[option.Name] = value;
        }
        return new ReplArguments(command, positionals, options);
    }

    /// <summary>The untokenized rest of a line as the only argument (for commands with <see cref="ReplCommand.RawText"/>).</summary>
    public static ReplArguments Raw(ReplCommand command, string text) =>
        new(command, string.IsNullOrWhiteSpace(text) ? [] : [text.Trim()], new Dictionary<string, string?>(StringComparer.Ordinal));

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Value(string option) => _options.GetValueOrDefault(option);

    /// <summary>The positional argument at <paramref name="index"/>; missing is a usage error naming it.</summary>
    public string Required(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw Usage(Command, $"{Command.Name}: missing {what}");

    /// <summary>Positional arguments from <paramref name="index"/> on, joined by spaces (a task or message typed unquoted).</summary>
    public string Text(int index, string what)
    {
        var text = string.Join(' ', Positionals.Skip(index));
        return string.IsNullOrWhiteSpace(text) ? throw Usage(Command, $"{Command.Name}: missing {what}") : text;
    }

    /// <summary>Fails when more than <paramref name="count"/> positional arguments were given.</summary>
    public void AtMost(int count)
    {
        if (Positionals.Count > count)
        {
            throw Usage(Command, $"{Command.Name}: unexpected argument '{Positionals[count]}'");
        }
    }

    public static ZwarmException Usage(ReplCommand command, string message) =>
        new(ErrorKind.Usage, $"{message}; usage: {command.Usage}");
}
