namespace Zwarm.Cli.Completion;

/// <summary>System.CommandLine's completion item kinds (its constants are internal): names of commands and options, or values.</summary>
internal static class CompletionKinds
{
    public const string Keyword = "Keyword";
    public const string Value = "Value";
}
