// TLS between every member of a zwarm cluster (silo to silo, client to gateway), from Microsoft.Orleans.Connections.Security:
// both ends must present a certificate (mutual TLS), and the only certificate accepted is the cluster's own (pinned by
// its SHA-256 hash, so neither the system's trust store nor host names matter). A plain-TCP peer fails the handshake.
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Zwarm.Cluster.Security;

public static class ClusterTls
{
    /// <summary>How long a TLS handshake may take before the connection is dropped.</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Sets up <paramref name="options"/>; <paramref name="rejected"/> is told of every peer certificate refused.</summary>
    public static void Configure(TlsOptions options, X509Certificate2 certificate, Action? rejected = null)
    {
        var pinned = certificate.GetCertHash(HashAlgorithmName.SHA256);
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.SslProtocols = SslProtocols.Tls13;
        options.HandshakeTimeout = HandshakeTimeout;
        options.RemoteCertificateValidation = (remote, _, errors) =>
        {
            var accepted = IsCluster(remote, errors, pinned);
            if (!accepted)
            {
                rejected?.Invoke();
            }
            return accepted;
        };
    }

    /// <summary>Accepts exactly the cluster's certificate; chain and name errors are expected (self-signed), nothing else.</summary>
    internal static bool IsCluster(X509Certificate2? remote, SslPolicyErrors errors, byte[] pinned) =>
        remote is not null
        && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
        && CryptographicOperations.FixedTimeEquals(remote.GetCertHash(HashAlgorithmName.SHA256), pinned);
}
