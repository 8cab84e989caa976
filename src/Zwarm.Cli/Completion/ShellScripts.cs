// The shell side of `zwarm completion bash|zsh|fish`: each script only hands the command line up to the cursor to
// the hidden `zwarm __complete`, which asks the verbs' own command tree (the same completer as the REPL's Tab), so
// every verb, option and value (session ids, agents, models, sandbox modes) completes the same way in every face.
namespace Zwarm.Cli.Completion;

internal static class ShellScripts
{
    public const string Bash = """
        # zwarm completion for bash. Load it with:  eval "$(zwarm completion bash)"   (e.g. in ~/.bashrc)
        _zwarm_complete() {
            local line="${COMP_LINE:0:COMP_POINT}" IFS=$'\n'
            COMPREPLY=($(command "${COMP_WORDS[0]}" __complete --shell bash -- "$line" 2>/dev/null))
            # A directory may go deeper: no space after it.
            if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
                compopt -o nospace 2>/dev/null
            fi
        }
        complete -F _zwarm_complete zwarm

        """;

    public const string Zsh = """
        #compdef zwarm
        # zwarm completion for zsh. Load it with:  eval "$(zwarm completion zsh)"   (e.g. in ~/.zshrc, after compinit)
        _zwarm() {
            local line="${(j: :)words[1,CURRENT-1]} ${PREFIX}"
            local -a candidates
            candidates=("${(@f)$(command "${words[1]}" __complete --shell zsh -- "$line" 2>/dev/null)}")
            candidates=(${candidates:#})
            (( ${#candidates} )) || return 1
            compset -P '*='
            local -a dirs others
            dirs=(${(M)candidates:#*/})
            others=(${candidates:#*/})
            (( ${#others} )) && compadd -Q -- "${others[@]}"
            (( ${#dirs} )) && compadd -Q -S '' -- "${dirs[@]}"
            return 0
        }
        if (( $+functions[compdef] )); then
            compdef _zwarm zwarm
        fi

        """;

    public const string Fish = """
        # zwarm completion for fish. Install it with:  zwarm completion fish > ~/.config/fish/completions/zwarm.fish
        complete -c zwarm -f -a '(zwarm __complete --shell fish -- (commandline -cp) 2>/dev/null)'

        """;

    public static string? For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => null,
    };
}
