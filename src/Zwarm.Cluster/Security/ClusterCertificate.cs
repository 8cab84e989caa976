// The shared cluster certificate: one self-signed certificate (ECDSA P-256) and its private key in a PKCS#12 file that
// every worker and client of the cluster holds. It is both the TLS server and client certificate, and a peer is
// accepted only when it presents this very certificate (see ClusterTls): whoever has the file is in the cluster.
// The file is written 0600 in a 0700 folder, and refused when others can read it (like ssh with a private key).
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Zwarm.Core;

namespace Zwarm.Cluster.Security;

public static class ClusterCertificate
{
    public const string FileName = "cluster.pfx";

    /// <summary>The environment variable naming the certificate file when --cert is not given.</summary>
    public const string EnvironmentVariable = "ZWARM_CLUSTER_CERT";

    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    /// <summary>$XDG_CONFIG_HOME/zwarm/cluster (else ~/.config/zwarm/cluster): where init writes and the others look.</summary>
    public static string DefaultDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        var config = environment.GetValueOrDefault("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            var home = environment.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            config = Path.Combine(home, ".config");
        }
        return Path.Combine(config, "zwarm", "cluster");
    }

    /// <summary>--cert, else ZWARM_CLUSTER_CERT, else the default directory's cluster.pfx.</summary>
    public static string ResolvePath(string? option, IReadOnlyDictionary<string, string?> environment)
    {
        var given = string.IsNullOrEmpty(option) ? environment.GetValueOrDefault(EnvironmentVariable) : option;
        return Path.GetFullPath(string.IsNullOrEmpty(given) ? Path.Combine(DefaultDirectory(environment), FileName) : given);
    }

    /// <summary>Creates the certificate file in <paramref name="directory"/> unless one is there. True when created.</summary>
    public static bool CreateIfMissing(string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            Load(path);
            return false;
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=zwarm cluster", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("zwarm-cluster");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
        var bytes = certificate.Export(X509ContentType.Pkcs12);
        // Written under a temp name created 0600, then renamed: the key is never readable by others, even briefly.
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(bytes);
        }
        File.Move(temp, path, overwrite: false);
        return true;
    }

    /// <summary>Loads the certificate with its key; a missing, unreadable, malformed or too-open file is one Config error.</summary>
    public static X509Certificate2 Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZwarmException(ErrorKind.Config,
                $"no cluster certificate at {path}: copy {FileName} from the machine that ran `zwarm-worker cluster init`, or pass --cert");
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new ZwarmException(ErrorKind.Config, $"the cluster certificate {path} is readable by others: chmod 600 it");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new ZwarmException(ErrorKind.Config, $"the cluster certificate {path} has no private key");
            }
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.Config, $"cannot read the cluster certificate {path}: {e.Message}", e);
        }
    }
}
