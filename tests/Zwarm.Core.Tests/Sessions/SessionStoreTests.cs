using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SessionStore _store;

    public SessionStoreTests()
    {
        _store = new SessionStore(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Create_WritesPythonCompatibleFieldNamesAndValues()
    {
        var meta = MetaFactory.Completed();
        _store.Create(meta);

        using var doc = JsonDocument.Parse(File.ReadAllText(_store.MetaPath(meta.Id)));
        var root = doc.RootElement;
        foreach (var field in new[] { "id", "task", "status", "working_dir", "created_at", "updated_at", "pid", "exit_code",
                     "model", "turn", "messages", "token_usage", "error", "source", "adapter" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pid").ValueKind);
        Assert.True(Directory.Exists(_store.TurnsDirectory(meta.Id)));
    }

    [Fact]
    public void Load_RoundTripsAndKeepsUnknownFields()
    {
        var id = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(id));
        File.WriteAllText(_store.MetaPath(id), $$"""
            {"id": "{{id}}", "task": "t", "status": "running", "working_dir": "/w", "created_at": "2026-01-01T00:00:00",
             "updated_at": "2026-01-01T00:00:00", "pid": 42, "exit_code": null, "model": "m", "turn": 1, "messages": [],
             "token_usage": {"input_tokens": 5}, "error": null, "source": "user", "adapter": "codex", "future_field": {"x": 1} }
            """);

        var meta = _store.Load(id)!;
        _store.Write(meta with { Task = "changed" });

        using var doc = JsonDocument.Parse(File.ReadAllText(_store.MetaPath(id)));
        Assert.Equal("changed", doc.RootElement.GetProperty("task").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("future_field").GetProperty("x").GetInt32());
        Assert.Equal(42, meta.Pid);
        Assert.Equal(SessionStatus.Running, meta.Status);
    }

    [Fact]
    public void Load_PythonWrittenMetaWithoutZwarmFields_GetsDefaultsNotNulls()
    {
        // Exactly what the Python zwarm's _save_session writes: none of zwarm's extra fields.
        var id = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(id));
        File.WriteAllText(_store.MetaPath(id), $$"""
            {"id": "{{id}}", "task": "t", "status": "completed", "working_dir": "/w", "created_at": "2026-01-01T00:00:00",
             "updated_at": "2026-01-01T00:00:10", "pid": null, "exit_code": null, "model": "gpt-5.1-codex-mini",
             "turn": 1, "messages": [], "token_usage": {"input_tokens": 5}, "error": null, "source": "user",
             "adapter": "codex"}
            """);

        var meta = _store.Load(id)!;

        Assert.NotNull(meta.Turns);
        Assert.Empty(meta.Turns);
        Assert.Null(meta.CurrentTurn);
        Assert.Equal(5, SessionSummaries.From(meta).InputTokens);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"id\":\"ID\",\"task\":\"t\",\"status\":\"exploded\",\"working_dir\":\"/\",\"created_at\":\"\",\"updated_at\":\"\"}")]
    public void Load_CorruptMeta_ThrowsCorruptSession(string content)
    {
        var id = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(id));
        File.WriteAllText(_store.MetaPath(id), content.Replace("ID", id));

        var e = Assert.Throws<CorruptSessionException>(() => _store.Load(id));
        Assert.Equal(id, e.SessionId);
    }

    [Fact]
    public void Load_MetaOfAnotherSession_IsReportedAsForeign()
    {
        var meta = MetaFactory.Completed();
        var other = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(other));
        File.WriteAllText(_store.MetaPath(other), JsonSerializer.Serialize(meta, SessionJsonContext.Store.SessionMeta));

        var e = Assert.Throws<CorruptSessionException>(() => _store.Load(other));
        Assert.Contains("another session", e.Reason);
    }

    [Fact]
    public void Resolve_UniquePrefix_ReturnsFullId()
    {
        var meta = MetaFactory.Completed("aaaa1111-0000-4000-8000-000000000001");
        _store.Create(meta);
        _store.Create(MetaFactory.Completed("bbbb1111-0000-4000-8000-000000000001"));

        Assert.Equal(meta.Id, _store.Resolve("aaaa"));
        Assert.Equal(meta.Id, _store.Resolve("AAAA1111"));
        Assert.Equal(meta.Id, _store.Resolve(meta.Id));
    }

    [Fact]
    public void Resolve_AmbiguousPrefix_IsAnErrorListingTheCandidates()
    {
        _store.Create(MetaFactory.Completed("abcd0001-0000-4000-8000-000000000001"));
        _store.Create(MetaFactory.Completed("abcd0002-0000-4000-8000-000000000001"));

        var e = Assert.Throws<ZwarmException>(() => _store.Resolve("abcd"));
        Assert.Equal(ErrorKind.Ambiguous, e.Kind);
        Assert.Contains("abcd0001-0000-4000-8000-000000000001", e.Message);
        Assert.Contains("abcd0002-0000-4000-8000-000000000001", e.Message);
    }

    [Fact]
    public void Resolve_PathTraversal_IsRejectedBeforeTouchingTheFilesystem()
    {
        // A folder named like the traversal target exists: it must still never be reached.
        Directory.CreateDirectory(Path.Combine(_dir.Path, "etc"));
        var e = Assert.Throws<ZwarmException>(() => _store.Resolve("../etc"));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Throws<ZwarmException>(() => _store.SessionDirectory("../../x"));
    }

    [Fact]
    public void Resolve_NoMatch_IsNotFound()
    {
        var e = Assert.Throws<ZwarmException>(() => _store.Resolve("feed"));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentWriters_NeverLoseAnUpdate()
    {
        var meta = MetaFactory.Completed() with { Turn = 0 };
        _store.Create(meta);

        // Each writer opens its own lock file handle, exactly as separate zwarm processes would (flock is per open file).
        var writers = Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            _store.UpdateAsync(meta.Id, m => m with { Turn = m.Turn + 1 }, CancellationToken.None)));
        await Task.WhenAll(writers);

        Assert.Equal(40, _store.Load(meta.Id)!.Turn);
        Assert.DoesNotContain(Directory.GetFiles(_store.SessionDirectory(meta.Id)), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Delete_RemovesTheSessionFolder()
    {
        var meta = MetaFactory.Completed();
        _store.Create(meta);
        _store.Delete(meta.Id);
        Assert.False(_store.Exists(meta.Id));
        Assert.Empty(_store.EnumerateIds());
    }
}
