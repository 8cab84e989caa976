using System.Net.Security;
using System.Security.Cryptography;
using Zwarm.Cluster.Security;
using Zwarm.Core;

namespace Zwarm.Cluster.Tests.Units;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterCertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zwarm-cert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Init_writes_a_private_key_file_in_a_private_folder_and_keeps_it_the_second_time()
    {
        var folder = Path.Combine(_dir, "cluster");

        Assert.True(ClusterCertificate.CreateIfMissing(folder, DateTimeOffset.UtcNow));
        var first = File.ReadAllBytes(Path.Combine(folder, ClusterCertificate.FileName));
        Assert.False(ClusterCertificate.CreateIfMissing(folder, DateTimeOffset.UtcNow));

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(folder, ClusterCertificate.FileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, ClusterCertificate.FileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        using var certificate = ClusterCertificate.Load(Path.Combine(folder, ClusterCertificate.FileName));
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void A_key_file_others_can_read_is_refused()
    {
        ClusterCertificate.CreateIfMissing(_dir, DateTimeOffset.UtcNow);
        var path = Path.Combine(_dir, ClusterCertificate.FileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<ZwarmException>(() => ClusterCertificate.Load(path));

        Assert.Equal(ErrorKind.Config, error.Kind);
        Assert.Contains("chmod 600", error.Message);
    }

    [Fact]
    public void Tls_accepts_exactly_the_cluster_certificate()
    {
        ClusterCertificate.CreateIfMissing(Path.Combine(_dir, "a"), DateTimeOffset.UtcNow);
        ClusterCertificate.CreateIfMissing(Path.Combine(_dir, "b"), DateTimeOffset.UtcNow);
        using var ours = ClusterCertificate.Load(Path.Combine(_dir, "a", ClusterCertificate.FileName));
        using var theirs = ClusterCertificate.Load(Path.Combine(_dir, "b", ClusterCertificate.FileName));
        var pinned = ours.GetCertHash(HashAlgorithmName.SHA256);
        var selfSigned = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch;

        Assert.True(ClusterTls.IsCluster(ours, selfSigned, pinned));
        Assert.False(ClusterTls.IsCluster(theirs, selfSigned, pinned));
        Assert.False(ClusterTls.IsCluster(null, SslPolicyErrors.RemoteCertificateNotAvailable, pinned));
    }

    [Fact]
    public void The_path_is_the_option_else_the_variable_else_the_config_folder()
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = "/home/u", ["XDG_CONFIG_HOME"] = null };

        Assert.Equal("/home/u/.config/zwarm/cluster/cluster.pfx", ClusterCertificate.ResolvePath(null, environment));
        environment[ClusterCertificate.EnvironmentVariable] = "/etc/zw.pfx";
        Assert.Equal("/etc/zw.pfx", ClusterCertificate.ResolvePath(null, environment));
        Assert.Equal("/x/c.pfx", ClusterCertificate.ResolvePath("/x/c.pfx", environment));
    }
}
