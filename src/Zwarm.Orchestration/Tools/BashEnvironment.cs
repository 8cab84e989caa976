// The environment the orchestrator's bash checks run with (issue 10, item 11): only what builds and tests need
// (PATH, HOME, locale, toolchain homes), never the API keys zwarm itself was given — `printenv OPENAI_API_KEY` must
// not put a key into events.jsonl, messages.json or the model's context. The values of the secret-looking variables
// that were dropped are kept aside so the output can be redacted of them (a key printed from a file is still caught
// when it is the same value). A marker variable tells every process of one run apart, even one that left the
// process group (`setsid sleep &`), so the whole tree can be killed when the run ends.
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial record BashEnvironment(IReadOnlyDictionary<string, string> Variables, IReadOnlyList<string> Secrets, string Marker)
{
    /// <summary>The variable whose value marks every process of one run.</summary>
    public const string MarkerVariable = "ZWARM_BASH_RUN";

    public const string Redacted = "[redacted]";

    private static readonly string[] Names =
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TERM", "TMPDIR", "NO_COLOR",
        "JAVA_HOME", "GOPATH", "GOROOT", "GOFLAGS", "CARGO_HOME", "RUSTUP_HOME", "NODE_PATH", "NVM_DIR", "VIRTUAL_ENV",
        "CONDA_PREFIX", "PYTHONPATH", "PNPM_HOME", "BUN_INSTALL",
    ];

    private static readonly string[] Prefixes = ["LC_", "DOTNET_", "NUGET_", "XDG_"];

    /// <summary>The allowed part of <paramref name="environment"/>, the secrets it held, and a fresh marker.</summary>
    public static BashEnvironment From(IReadOnlyDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new List<string>();
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                continue;
            }
            if (SecretName().IsMatch(name))
            {
                if (value.Trim().Length >= 8)
                {
                    secrets.Add(value.Trim());
                }
                continue;
            }
            if (Array.IndexOf(Names, name) >= 0 || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                variables[name] = value;
            }
        }
        var marker = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        variables[MarkerVariable] = marker;
        // Longest first, so a secret containing another is replaced whole.
        return new BashEnvironment(variables, [.. secrets.Distinct().OrderByDescending(s => s.Length)], marker);
    }

    /// <summary><paramref name="text"/> with every known secret value replaced by <see cref="Redacted"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in Secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }
        return text;
    }

    [GeneratedRegex("KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|PRIVATE|COOKIE|SESSION", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
