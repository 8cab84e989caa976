// opencode against a scripted server: a custom provider (@ai-sdk/openai-compatible, bundled in the binary) in
// OPENCODE_CONFIG_CONTENT, no models.dev fetch, and a private home. HOME alone does not isolate opencode: its config,
// session database, cache and logs follow the XDG base directories, so all four point into the test's folder (a
// fresh HOME too, for its shell tool). Checked with opencode 1.18.33.
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Agents;

public sealed partial record AgentCliEnvironment
{
    /// <summary>
    /// The variables that make opencode call only <paramref name="serverBaseUrl"/>'s Chat Completions endpoint, with
    /// its XDG config/data/cache/state folders and HOME in a fresh folder under <paramref name="directory"/>.
    /// </summary>
    public static AgentCliEnvironment ForOpenCode(string serverBaseUrl, string directory, OpenCodeEnvironmentOptions? options = null)
    {
        options ??= new OpenCodeEnvironmentOptions();
        var root = Path.Combine(Path.GetFullPath(directory), "opencode-home");
        List<string> created = [root];
        string Folder(string name)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(path);
            created.Add(path);
            return path;
        }
        var config = new JsonObject
        {
            ["$schema"] = "https://opencode.ai/config.json",
            ["provider"] = new JsonObject
            {
                [options.Provider] = new JsonObject
                {
                    ["npm"] = "@ai-sdk/openai-compatible",
                    ["name"] = "Scripted",
                    ["options"] = new JsonObject { ["baseURL"] = OpenAIBaseUrl(serverBaseUrl), ["apiKey"] = options.ApiKey },
                    ["models"] = new JsonObject { [options.Model] = new JsonObject { ["name"] = options.Model, ["tool_call"] = true } },
                },
            },
            ["model"] = options.QualifiedModel,
            ["small_model"] = options.QualifiedModel,
            ["autoupdate"] = false,
            ["share"] = "disabled",
        };
        var configHome = Folder("config");
        var variables = new Dictionary<string, string?>
        {
            ["OPENCODE_CONFIG_CONTENT"] = config.ToJsonString(),
            ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
            ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
            ["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1",
            ["OPENCODE_PERMISSION"] = options.Permission,
            ["XDG_CONFIG_HOME"] = configHome,
            ["XDG_DATA_HOME"] = Folder("data"),
            ["XDG_CACHE_HOME"] = Folder("cache"),
            ["XDG_STATE_HOME"] = Folder("state"),
            ["HOME"] = Folder("home"),
            // A config file or server named by the parent would win over the scripted one.
            ["OPENCODE_CONFIG"] = null,
            ["OPENCODE_CONFIG_DIR"] = null,
            ["OPENCODE_SERVER_PASSWORD"] = null,
        };
        return new AgentCliEnvironment(AgentCli.OpenCode, variables, configHome, created);
    }
}
