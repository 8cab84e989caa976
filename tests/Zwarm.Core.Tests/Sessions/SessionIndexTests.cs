using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SessionStore _store;

    public SessionIndexTests()
    {
        _store = new SessionStore(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_ListsEverySessionAndWritesTheIndex()
    {
        var a = MetaFactory.Completed(task: "first");
        var b = MetaFactory.Completed(task: "second");
        _store.Create(a);
        _store.Create(b);

        var listing = new SessionIndex(_store).Read();

        Assert.Equal(2, listing.Sessions.Count);
        Assert.Contains(listing.Sessions, s => s.Id == a.Id && s.Task == "first" && s.InputTokens == 100);
        Assert.True(File.Exists(Path.Combine(_store.SessionsDirectory, SessionIndex.FileName)));
    }

    [Fact]
    public void Read_AfterMetaChanges_ReturnsTheNewContentNotTheCachedOne()
    {
        var a = MetaFactory.Completed(task: "before");
        _store.Create(a);
        new SessionIndex(_store).Read();

        _store.Write(a with { Task = "after, and longer than before" });
        var listing = new SessionIndex(_store).Read();

        Assert.Equal("after, and longer than before", Assert.Single(listing.Sessions).Task);
    }

    [Fact]
    public void Read_DeletedSession_DisappearsFromTheListing()
    {
        var a = MetaFactory.Completed();
        var b = MetaFactory.Completed();
        _store.Create(a);
        _store.Create(b);
        new SessionIndex(_store).Read();

        _store.Delete(a.Id);

        Assert.Equal(b.Id, Assert.Single(new SessionIndex(_store).Read().Sessions).Id);
    }

    [Fact]
    public void Read_CorruptMetaAndStrayFolders_AreReportedNotFatal()
    {
        var good = MetaFactory.Completed();
        _store.Create(good);
        var bad = SessionId.New();
        Directory.CreateDirectory(_store.SessionDirectory(bad));
        File.WriteAllText(_store.MetaPath(bad), "{ truncated");
        Directory.CreateDirectory(Path.Combine(_store.SessionsDirectory, "not-a-session"));

        var listing = new SessionIndex(_store).Read();

        Assert.Equal(good.Id, Assert.Single(listing.Sessions).Id);
        Assert.Equal(bad, Assert.Single(listing.Problems).Id);
    }

    [Fact]
    public void Read_DamagedIndexFile_IsRebuilt()
    {
        var a = MetaFactory.Completed();
        _store.Create(a);
        File.WriteAllText(Path.Combine(_store.SessionsDirectory, SessionIndex.FileName), "garbage\n{\"id\":1}\n");

        Assert.Equal(a.Id, Assert.Single(new SessionIndex(_store).Read().Sessions).Id);
    }

    [Fact]
    public void Summary_OfAStoppedSession_CarriesItsLastReplyOnOneLine_AndARunningOneNone()
    {
        var long_ = new string('x', 300);
        var done = MetaFactory.Completed() with
        {
            Messages = [new SessionMessage { Role = "user", Content = "go" }, new SessionMessage { Role = "assistant", Content = "line one\nline two" }],
        };
        var cut = done with { Id = SessionId.New(), Messages = [new SessionMessage { Role = "assistant", Content = long_ }] };
        var asked = done with { Id = SessionId.New(), Messages = [.. done.Messages, new SessionMessage { Role = "user", Content = "more" }] };
        var running = done with { Id = SessionId.New(), Status = SessionStatus.Running };
        foreach (var meta in new[] { done, cut, asked, running }) _store.Create(meta);

        new SessionIndex(_store).Read(); // writes the index; the second read comes from it
        var rows = new SessionIndex(_store).Read().Sessions.ToDictionary(s => s.Id);

        Assert.Equal("line one line two", rows[done.Id].LastReply);
        Assert.Equal(new string('x', SessionSummaries.ReplyPreviewLength) + "…", rows[cut.Id].LastReply);
        Assert.Null(rows[asked.Id].LastReply);
        Assert.Null(rows[running.Id].LastReply);
    }

    [Fact]
    public void Read_AnIndexLineOfAnOlderFormat_IsReReadFromMeta()
    {
        // An older zwarm's line (no "v"): same stamp and size, but its summary lacks fields this version keeps.
        var a = MetaFactory.Completed() with { Messages = [new SessionMessage { Role = "assistant", Content = "the reply" }] };
        _store.Create(a);
        new SessionIndex(_store).Read();
        var index = Path.Combine(_store.SessionsDirectory, SessionIndex.FileName);
        var line = File.ReadAllText(index).Replace($"\"v\":{SessionIndex.FormatVersion},", "").Replace(",\"last_reply\":\"the reply\"", "");
        Assert.DoesNotContain("the reply", line);

        File.WriteAllText(index, line);

        Assert.Equal("the reply", Assert.Single(new SessionIndex(_store).Read().Sessions).LastReply);
    }

    [Fact]
    public void Read_AnIndexLineWithInvalidUtf8_IsDroppedAndItsSessionReadFromMeta()
    {
        var a = MetaFactory.Completed(task: "first");
        _store.Create(a);
        new SessionIndex(_store).Read();
        var index = Path.Combine(_store.SessionsDirectory, SessionIndex.FileName);
        var bytes = File.ReadAllBytes(index);
        var at = bytes.AsSpan().IndexOf("first"u8);
        bytes[at + 1] = 0xFF; // same length, so the line still matches meta.json's stamp and size

        File.WriteAllBytes(index, bytes);
        var listing = new SessionIndex(_store).Read();

        Assert.Equal("first", Assert.Single(listing.Sessions).Task);
    }

    [Fact]
    public async Task Read_AFifoInPlaceOfTheIndex_NeitherHangsNorLosesASession()
    {
        var a = MetaFactory.Completed();
        _store.Create(a);
        var index = Path.Combine(_store.SessionsDirectory, SessionIndex.FileName);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [index]))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var listing = await Task.Run(() => new SessionIndex(_store).Read()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(a.Id, Assert.Single(listing.Sessions).Id);
    }

    [Fact]
    public void Read_FromTheIndex_GivesTheSameSummariesAndJsonAsFromMeta()
    {
        _store.Create(MetaFactory.Completed(task: "quotes \" and é 🚀") with { Error = "boom", ExitCode = 3 });
        _store.Create(MetaFactory.Completed(task: "second"));
        var fromMeta = new SessionIndex(_store).Read();

        var fromIndex = new SessionIndex(_store).Read();

        Assert.Equal(fromMeta.Sessions.OrderBy(s => s.Id), fromIndex.Sessions.OrderBy(s => s.Id));
        // Same directory, same enumeration order; the second listing copies the index's JSON instead of encoding.
        Assert.Equal(Json(fromMeta), Json(fromIndex));
        Assert.Contains("\"error\": \"boom\"", Json(fromIndex));
    }

    private static string Json(SessionListing listing)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
        {
            Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            listing.WriteJson(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
