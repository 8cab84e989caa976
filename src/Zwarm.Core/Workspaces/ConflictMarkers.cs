namespace Zwarm.Core.Workspaces;

/// <summary>Whether a file still holds git's conflict markers (a line starting "&lt;&lt;&lt;&lt;&lt;&lt;&lt; " or "&gt;&gt;&gt;&gt;&gt;&gt;&gt; ", or "=======" alone).</summary>
internal static class ConflictMarkers
{
    public static bool In(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line.StartsWith(">>>>>>> ", StringComparison.Ordinal)
                || line == "<<<<<<<" || line == ">>>>>>>" || line == "=======")
            {
                return true;
            }
        }
        return false;
    }
}
