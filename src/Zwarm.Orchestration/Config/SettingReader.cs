// Range-checked reads of numeric config keys: a value out of range is reported (and the default kept), never clamped
// silently.
using Zwarm.Core.Config;
using Zwarm.Orchestration.Watchers;

namespace Zwarm.Orchestration.Config;

internal static class SettingReader
{
    public static int? Int(ConfigSection section, string key, int min, int max)
    {
        var value = section.GetInteger(key);
        if (value is null)
        {
            return null;
        }
        if (value < min || value > max)
        {
            section.Error(key, $"must be between {min} and {max}");
            return null;
        }
        return (int)value.Value;
    }

    public static double? Number(ConfigSection section, string key, double min, double max)
    {
        var value = section.GetNumber(key);
        if (value is null)
        {
            return null;
        }
        if (value < min || value > max || double.IsNaN(value.Value))
        {
            section.Error(key, $"must be between {min} and {max}");
            return null;
        }
        return value;
    }

    public static TimeSpan? Seconds(ConfigSection section, string key, double min, double max) =>
        Number(section, key, min, max) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public static WatcherAction? Action(ConfigSection section, string key)
    {
        var name = section.GetString(key);
        if (name is null)
        {
            return null;
        }
        if (WatcherActions.TryParse(name, out var action))
        {
            return action;
        }
        section.Error(key, $"must be one of {string.Join(", ", WatcherActions.Names)}");
        return null;
    }
}
