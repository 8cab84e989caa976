// What `zwarm agents use-local` did, for people: the config lines, the private files, and which servers can serve
// the API the agent speaks.
using Zwarm.Core.Agents.Local;

namespace Zwarm.Cli.Agents;

internal static class UseLocalRenderer
{
    public static void Render(TextWriter output, LocalModelChange change)
    {
        if (change.Setup is null)
        {
            output.WriteLine(!change.Changed
                ? $"{change.ConfigPath} has no use-local settings for {change.Adapter}; nothing to remove"
                : change.Written
                    ? $"removed the use-local settings of {change.Adapter} from {change.ConfigPath}"
                    : $"would remove the use-local settings of {change.Adapter} from {change.ConfigPath}");
            return;
        }
        output.WriteLine(change.Written ? $"wrote to {change.ConfigPath}:" : $"would write to {change.ConfigPath}:");
        foreach (var line in (change.Block ?? "").Split('\n'))
        {
            output.WriteLine("  " + line);
        }
        foreach (var file in change.Setup.Files)
        {
            output.WriteLine(change.Written ? $"wrote {file.Path} (private):" : $"would write {file.Path} (private):");
            foreach (var line in file.Content.TrimEnd('\n').Split('\n'))
            {
                output.WriteLine("  " + line);
            }
        }
        output.WriteLine($"{change.Adapter} speaks the {change.Setup.Api}.");
        output.WriteLine($"servers that serve it: {change.Setup.Servers}.");
        if (change.Written)
        {
            output.WriteLine($"check it: zwarm agents --check; undo it: zwarm agents use-local {change.Adapter} --off");
        }
    }
}
