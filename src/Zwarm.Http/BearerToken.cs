// The token a client of a zwarm web face (`zwarm mcp --http`, `zwarm dashboard`) must send. Kept in a private file (0600) so a client config can name it and
// it survives restarts; it is never printed or logged (only the file's path is). A file readable by others is
// refused rather than trusted: someone else may have read the token already.
using System.Security.Cryptography;
using Zwarm.Core;

namespace Zwarm.Http;

public static class BearerToken
{
    private const int MinimumLength = 32;

    /// <summary>A fresh token in <paramref name="path"/> (the old one, if any, stops working).</summary>
    public static string Renew(string path)
    {
        File.Delete(path);
        return LoadOrCreate(path);
    }

    /// <summary>The token in <paramref name="path"/>, created there (0600, 256 random bits) when the file does not exist.</summary>
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead
                    | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new ZwarmException(ErrorKind.Config, $"the token file {path} is readable or writable by others; chmod 600 it (or delete it for a new token)");
            }
            var token = File.ReadAllText(path).Trim();
            if (token.Length < MinimumLength || token.Any(char.IsWhiteSpace))
            {
                throw new ZwarmException(ErrorKind.Config, $"the token file {path} does not hold a token of at least {MinimumLength} characters; delete it for a new one");
            }
            return token;
        }
        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var file = new StreamWriter(path, options);
            file.Write(created + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server created it between the check and here: use that one.
            return LoadOrCreate(path);
        }
        return created;
    }
}
