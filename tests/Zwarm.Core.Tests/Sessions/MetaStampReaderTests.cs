using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class MetaStampReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SessionStore _store;

    public MetaStampReaderTests()
    {
        _store = new SessionStore(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TryRead_GivesTheSameStampAsFileInfo()
    {
        var meta = MetaFactory.Completed();
        _store.Create(meta);
        var info = new FileInfo(_store.MetaPath(meta.Id));

        using var reader = new MetaStampReader(_store.SessionsDirectory);

        Assert.True(reader.TryRead(meta.Id, out var stamp, out var size));
        Assert.Equal(info.LastWriteTimeUtc.Ticks, stamp);
        Assert.Equal(info.Length, size);
    }

    [Fact]
    public void TryRead_MissingMetaOrAFolderInItsPlace_IsFalse()
    {
        var empty = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(empty));
        var odd = SessionId.New();
        Directory.CreateDirectory(_store.MetaPath(odd));

        using var reader = new MetaStampReader(_store.SessionsDirectory);

        Assert.False(reader.TryRead(empty, out _, out _));
        Assert.False(reader.TryRead(odd, out _, out _));
        Assert.False(reader.TryRead(SessionId.New(), out _, out _));
    }
}
