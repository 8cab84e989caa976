namespace Zwarm.Core.Agents.Local;

/// <summary>What pointing one CLI at a local model server takes.</summary>
/// <param name="Environment">Variables for config.toml's [adapters.NAME.env] (names and values, no secrets).</param>
/// <param name="Files">Private files to write (0600, in 0700 folders), e.g. Codex's own config.toml.</param>
/// <param name="Api">The API the CLI speaks, e.g. "OpenAI Responses API (POST /v1/responses)".</param>
/// <param name="Servers">Which local servers serve that API, for the user.</param>
public sealed record LocalModelSetup(
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<LocalModelFile> Files,
    string Api,
    string Servers);

/// <summary>A private file <see cref="LocalModelSetup"/> writes.</summary>
public sealed record LocalModelFile(string Path, string Content);
