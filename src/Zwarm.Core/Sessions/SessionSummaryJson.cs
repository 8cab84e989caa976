// SessionSummary <-> JSON by hand, for the `ls` hot path: the index (.index.jsonl) holds one summary per session and
// `ls --json` prints them all, 10,000 at a time. The serializer's metadata-driven path (a constructor-arguments
// array per record, boxing every number) costs several times more. The shape is exactly the serializer's: the
// names of SessionSummary's [JsonPropertyName]s, in declaration order, nulls written (tests hold the two equal).
using System.Text.Json;

namespace Zwarm.Core.Sessions;

public static class SessionSummaryJson
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Adapter = JsonEncodedText.Encode("adapter");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Turns = JsonEncodedText.Encode("turns");
    private static readonly JsonEncodedText Task = JsonEncodedText.Encode("task");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText WorkingDir = JsonEncodedText.Encode("working_dir");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updated_at");
    private static readonly JsonEncodedText InputTokens = JsonEncodedText.Encode("input_tokens");
    private static readonly JsonEncodedText CachedInputTokens = JsonEncodedText.Encode("cached_input_tokens");
    private static readonly JsonEncodedText OutputTokens = JsonEncodedText.Encode("output_tokens");
    private static readonly JsonEncodedText CostUsd = JsonEncodedText.Encode("cost_usd");
    private static readonly JsonEncodedText ExitCode = JsonEncodedText.Encode("exit_code");
    private static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
    private static readonly JsonEncodedText Branch = JsonEncodedText.Encode("branch");
    private static readonly JsonEncodedText LinesAdded = JsonEncodedText.Encode("lines_added");
    private static readonly JsonEncodedText LinesRemoved = JsonEncodedText.Encode("lines_removed");
    private static readonly JsonEncodedText FilesChanged = JsonEncodedText.Encode("files_changed");
    private static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");

    public static void Write(Utf8JsonWriter writer, SessionSummary s)
    {
        writer.WriteStartObject();
        WriteProperties(writer, s);
        writer.WriteEndObject();
    }

    /// <summary>The properties of <see cref="Write"/> without the braces, for a caller that adds its own (the dashboard's rows).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, SessionSummary s)
    {
        writer.WriteString(Id, s.Id);
        writer.WriteString(Status, s.Status.ToName());
        writer.WriteString(Adapter, s.Adapter);
        writer.WriteString(Model, s.Model);
        writer.WriteNumber(Turns, s.Turns);
        writer.WriteString(Task, s.Task);
        writer.WriteString(Source, s.Source);
        writer.WriteString(WorkingDir, s.WorkingDir);
        writer.WriteString(CreatedAt, s.CreatedAt);
        writer.WriteString(UpdatedAt, s.UpdatedAt);
        writer.WriteNumber(InputTokens, s.InputTokens);
        writer.WriteNumber(CachedInputTokens, s.CachedInputTokens);
        writer.WriteNumber(OutputTokens, s.OutputTokens);
        if (s.CostUsd is { } cost) writer.WriteNumber(CostUsd, cost); else writer.WriteNull(CostUsd);
        if (s.ExitCode is { } exit) writer.WriteNumber(ExitCode, exit); else writer.WriteNull(ExitCode);
        writer.WriteString(Error, s.Error);
        if (s.Pid is { } pid) writer.WriteNumber(Pid, pid); else writer.WriteNull(Pid);
        writer.WriteString(Branch, s.Branch);
        if (s.LinesAdded is { } added) writer.WriteNumber(LinesAdded, added); else writer.WriteNull(LinesAdded);
        if (s.LinesRemoved is { } removed) writer.WriteNumber(LinesRemoved, removed); else writer.WriteNull(LinesRemoved);
        if (s.FilesChanged is { } files) writer.WriteNumber(FilesChanged, files); else writer.WriteNull(FilesChanged);
        writer.WriteString(Group, s.Group);
    }

    /// <summary>
    /// Reads the object the reader is on. Unknown properties are skipped; a missing or malformed id, or a value of
    /// the wrong kind, throws <see cref="JsonException"/> (the caller drops that cache line).
    /// </summary>
    public static SessionSummary Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a session summary must be an object");
        }
        string? id = null, adapter = null, model = null, task = null, source = null, workingDir = null;
        string? createdAt = null, updatedAt = null, error = null;
        SessionStatus status = default;
        int turns = 0;
        long input = 0, cached = 0, output = 0;
        decimal? cost = null;
        int? exitCode = null, pid = null, linesAdded = null, linesRemoved = null, filesChanged = null;
        string? branch = null, group = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8)) id = reader.GetString();
            else if (name.SequenceEqual("status"u8)) status = ReadStatus(ref reader);
            else if (name.SequenceEqual("adapter"u8)) adapter = reader.GetString();
            else if (name.SequenceEqual("model"u8)) model = reader.GetString();
            else if (name.SequenceEqual("turns"u8)) turns = reader.GetInt32();
            else if (name.SequenceEqual("task"u8)) task = reader.GetString();
            else if (name.SequenceEqual("source"u8)) source = reader.GetString();
            else if (name.SequenceEqual("working_dir"u8)) workingDir = reader.GetString();
            else if (name.SequenceEqual("created_at"u8)) createdAt = reader.GetString();
            else if (name.SequenceEqual("updated_at"u8)) updatedAt = reader.GetString();
            else if (name.SequenceEqual("input_tokens"u8)) input = reader.GetInt64();
            else if (name.SequenceEqual("cached_input_tokens"u8)) cached = reader.GetInt64();
            else if (name.SequenceEqual("output_tokens"u8)) output = reader.GetInt64();
            else if (name.SequenceEqual("cost_usd"u8)) cost = reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();
            else if (name.SequenceEqual("exit_code"u8)) exitCode = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (name.SequenceEqual("error"u8)) error = reader.GetString();
            else if (name.SequenceEqual("pid"u8)) pid = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (name.SequenceEqual("branch"u8)) branch = reader.GetString();
            else if (name.SequenceEqual("lines_added"u8)) linesAdded = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (name.SequenceEqual("lines_removed"u8)) linesRemoved = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (name.SequenceEqual("files_changed"u8)) filesChanged = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (name.SequenceEqual("group"u8)) group = reader.GetString();
            else reader.Skip();
        }
        return new SessionSummary
        {
            Id = id ?? throw new JsonException("a session summary needs an id"),
            Status = status,
            Adapter = adapter ?? "",
            Model = model ?? "",
            Turns = turns,
            Task = task ?? "",
            Source = source ?? "user",
            WorkingDir = workingDir ?? "",
            CreatedAt = createdAt ?? "",
            UpdatedAt = updatedAt ?? "",
            InputTokens = input,
            CachedInputTokens = cached,
            OutputTokens = output,
            CostUsd = cost,
            ExitCode = exitCode,
            Error = error,
            Pid = pid,
            Branch = branch,
            LinesAdded = linesAdded,
            LinesRemoved = linesRemoved,
            FilesChanged = filesChanged,
            Group = group,
        };
    }

    /// <summary>
    /// True when the value the reader is on has the kind <see cref="Read"/> expects for property <paramref name="name"/>
    /// (and a number fits its type), so a summary checked field by field when the index is read never throws when it
    /// is decoded later. Unknown properties fit (they are skipped); the reader is left on the value's last token.
    /// </summary>
    internal static bool Fits(ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        var type = reader.TokenType;
        if (name.SequenceEqual("turns"u8) || name.SequenceEqual("exit_code"u8) || name.SequenceEqual("pid"u8)
            || name.SequenceEqual("lines_added"u8) || name.SequenceEqual("lines_removed"u8) || name.SequenceEqual("files_changed"u8))
        {
            return (type == JsonTokenType.Null && !name.SequenceEqual("turns"u8)) || (type == JsonTokenType.Number && reader.TryGetInt32(out _));
        }
        if (name.SequenceEqual("input_tokens"u8) || name.SequenceEqual("cached_input_tokens"u8) || name.SequenceEqual("output_tokens"u8))
        {
            return type == JsonTokenType.Number && reader.TryGetInt64(out _);
        }
        if (name.SequenceEqual("cost_usd"u8))
        {
            return type == JsonTokenType.Null || (type == JsonTokenType.Number && reader.TryGetDecimal(out _));
        }
        if (name.SequenceEqual("adapter"u8) || name.SequenceEqual("model"u8) || name.SequenceEqual("task"u8)
            || name.SequenceEqual("source"u8) || name.SequenceEqual("working_dir"u8) || name.SequenceEqual("updated_at"u8)
            || name.SequenceEqual("error"u8) || name.SequenceEqual("branch"u8) || name.SequenceEqual("group"u8))
        {
            return type == JsonTokenType.Null || (type == JsonTokenType.String && IsText(ref reader));
        }
        reader.Skip();
        return true;
    }

    // A string GetString can decode: the reader checks a string's bytes only when it is decoded, so invalid UTF-8
    // (or an escaped lone surrogate) would pass the index check and throw when the summary is read.
    private static bool IsText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);
        }
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The status string the reader is on (no allocation); unknown values throw <see cref="JsonException"/>.</summary>
    internal static SessionStatus ReadStatus(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("completed"u8)) return SessionStatus.Completed;
        if (reader.ValueTextEquals("running"u8)) return SessionStatus.Running;
        if (reader.ValueTextEquals("failed"u8)) return SessionStatus.Failed;
        if (reader.ValueTextEquals("killed"u8)) return SessionStatus.Killed;
        if (reader.ValueTextEquals("pending"u8)) return SessionStatus.Pending;
        throw new JsonException("unknown session status");
    }
}
