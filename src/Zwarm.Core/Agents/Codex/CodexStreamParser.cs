// Parses `codex exec --json` stdout (one ThreadEvent per line, see codex-rs exec/src/exec_events.rs) into AgentEvents.
// This is the hot path when reading big turn files: each line is walked once with Utf8JsonReader, "type" is
// classified by comparing bytes, and only strings that end up in an event are decoded. Property order is not assumed:
// if "item", "usage" or "error" come before "type", their offsets are remembered and they are read after the scan.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal sealed partial class CodexStreamParser : ISplitLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    // Ids of items whose "started" event was turned into CommandStarted / ToolCall, so "completed" does not repeat it.
    // Entries are removed on completion, so this stays small however long the file is.
    private readonly HashSet<string> _openItems = new(StringComparer.Ordinal);
    private string? _lastMessage;

    public int MalformedLines { get; private set; }

    public int? BulkTextLimit { get; set; }

    public void ParseLine(ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink) => Apply(DecodeLine(utf8Line), utf8Line, sink);

    public object? Decode(ReadOnlyMemory<byte> utf8Line) => DecodeLine(utf8Line.Span);

    // Stateless: reads the line; null when it is not a Codex event.
    private CodexLine? DecodeLine(ReadOnlySpan<byte> line)
    {
        try
        {
            return LooksLikeObject(line) ? TryDecode(line) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // Cheap pre-check so stderr noise ("Reading prompt from stdin...") does not cost an exception.
    private static bool LooksLikeObject(ReadOnlySpan<byte> line)
    {
        var trimmed = line.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'{';
    }

    private CodexLine? TryDecode(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var decoded = new CodexLine { Type = CodexEventType.Missing };
        bool itemRead = false;
        int itemAt = -1, usageAt = -1, errorAt = -1;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                decoded.Type = ClassifyEvent(ref reader, out decoded.TypeName);
            }
            else if (reader.ValueTextEquals("item"u8))
            {
                reader.Read();
                if (decoded.Type == CodexEventType.Missing || reader.TokenType != JsonTokenType.StartObject)
                {
                    itemAt = (int)reader.TokenStartIndex;
                    reader.Skip();
                }
                else if (decoded.Type is CodexEventType.ItemStarted or CodexEventType.ItemCompleted)
                {
                    decoded.Item = ReadItem(ref reader, line, decoded.Type, BulkTextLimit);
                    itemRead = true;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                if (decoded.Type == CodexEventType.TurnCompleted)
                {
                    decoded.Usage = ReadUsage(ref reader);
                }
                else
                {
                    usageAt = (int)reader.TokenStartIndex;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (decoded.Type == CodexEventType.TurnFailed)
                {
                    decoded.Failure = ReadErrorMessage(ref reader);
                }
                else
                {
                    errorAt = (int)reader.TokenStartIndex;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("thread_id"u8))
            {
                reader.Read();
                decoded.ThreadId = reader.ReadStringOrNull();
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                decoded.Message = reader.ReadStringOrNull();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // The root object must close, and nothing but whitespace may follow it (a truncated line throws in Read()).
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
        {
            return null;
        }

        // Values that came before "type" are read now that the type is known.
        switch (decoded.Type)
        {
            case CodexEventType.ThreadStarted when string.IsNullOrEmpty(decoded.ThreadId):
            case CodexEventType.Missing:
                // A JSON object without "type" is not a Codex event.
                return null;

            case CodexEventType.ItemStarted or CodexEventType.ItemCompleted when !itemRead:
                if (itemAt < 0 || line[itemAt] != (byte)'{')
                {
                    return null;
                }
                var itemJson = line[itemAt..];
                var itemReader = new Utf8JsonReader(itemJson, ReaderOptions);
                itemReader.Read();
                decoded.Item = ReadItem(ref itemReader, itemJson, decoded.Type, BulkTextLimit);
                break;

            case CodexEventType.TurnCompleted when decoded.Usage is null && usageAt >= 0:
                var usageReader = new Utf8JsonReader(line[usageAt..], ReaderOptions);
                usageReader.Read();
                decoded.Usage = ReadUsage(ref usageReader);
                break;

            case CodexEventType.TurnFailed when decoded.Failure is null && errorAt >= 0:
                var errorReader = new Utf8JsonReader(line[errorAt..], ReaderOptions);
                errorReader.Read();
                decoded.Failure = ReadErrorMessage(ref errorReader);
                break;
        }
        return decoded;
    }

    private static CodexEventType ClassifyEvent(ref Utf8JsonReader reader, out string? unknownName)
    {
        unknownName = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return CodexEventType.Missing;
        }
        // Ordered by frequency in real turn files.
        if (reader.ValueTextEquals("item.completed"u8)) return CodexEventType.ItemCompleted;
        if (reader.ValueTextEquals("item.started"u8)) return CodexEventType.ItemStarted;
        if (reader.ValueTextEquals("item.updated"u8)) return CodexEventType.ItemUpdated;
        if (reader.ValueTextEquals("turn.completed"u8)) return CodexEventType.TurnCompleted;
        if (reader.ValueTextEquals("turn.started"u8)) return CodexEventType.TurnStarted;
        if (reader.ValueTextEquals("thread.started"u8)) return CodexEventType.ThreadStarted;
        if (reader.ValueTextEquals("turn.failed"u8)) return CodexEventType.TurnFailed;
        if (reader.ValueTextEquals("error"u8)) return CodexEventType.Error;
        if (reader.ValueTextEquals("item.plan.delta"u8)) return CodexEventType.PlanDelta;
        unknownName = reader.GetString();
        return CodexEventType.Unknown;
    }

    private static TokenUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        long input = 0, cached = 0, cacheWrite = 0, output = 0, reasoning = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field =
                reader.ValueTextEquals("input_tokens"u8) ? 1 :
                reader.ValueTextEquals("cached_input_tokens"u8) ? 2 :
                reader.ValueTextEquals("cache_write_input_tokens"u8) ? 3 :
                reader.ValueTextEquals("output_tokens"u8) ? 4 :
                reader.ValueTextEquals("reasoning_output_tokens"u8) ? 5 : 0;
            reader.Read();
            var value = reader.ReadInt64OrNull() ?? 0;
            switch (field)
            {
                case 1: input = value; break;
                case 2: cached = value; break;
                case 3: cacheWrite = value; break;
                case 4: output = value; break;
                case 5: reasoning = value; break;
            }
        }
        return new TokenUsage(input, cached, cacheWrite, output, reasoning);
    }

    // turn.failed's "error" is {"message": "..."}; tolerate a bare string too.
    private static string? ReadErrorMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isMessage)
            {
                message = reader.ReadStringOrNull();
            }
            else
            {
                reader.Skip();
            }
        }
        return message;
    }
}
