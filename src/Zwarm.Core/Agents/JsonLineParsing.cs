// The line discipline shared by the agents whose output is one JSON object per line (Claude Code, Qwen Code,
// Gemini CLI, opencode): a line that is not an object, does not parse, or that the parser's handler rejects is
// malformed and leaves no events behind (whatever the handler added before rejecting it is taken back). The
// handler is called through an interface on the parser itself, so no delegate is made per line (the hot path of
// `show`/`traj` over 100 MB turn files). Decode and Apply are the same discipline split for ISplitLineParser: the
// document is parsed on any thread (the costly part), the handler runs in file order.
using System.Buffers;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents;

internal interface IJsonLineHandler
{
    /// <summary>Turns one parsed line into events; false when the line is not one this agent writes.</summary>
    bool TryHandle(JsonElement root, ReadOnlySpan<byte> line, List<AgentEvent> sink);
}

internal static class JsonLineParsing
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Parses <paramref name="utf8Line"/> and hands it to <paramref name="handler"/>; false when it is malformed.</summary>
    public static bool TryParse<THandler>(THandler handler, ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink)
        where THandler : IJsonLineHandler
    {
        var mark = sink.Count;
        var trimmed = utf8Line.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(utf8Line.Length);
        try
        {
            utf8Line.CopyTo(buffer);
            using var document = JsonDocument.Parse(buffer.AsMemory(0, utf8Line.Length), DocumentOptions);
            if (handler.TryHandle(document.RootElement, utf8Line, sink))
            {
                return true;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // malformed, below
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        sink.RemoveRange(mark, sink.Count - mark);
        return false;
    }

    /// <summary>The parsed document of a line (owned by the caller until <see cref="Apply"/>), or null when it is not JSON.</summary>
    public static JsonDocument? Decode(ReadOnlyMemory<byte> utf8Line)
    {
        var trimmed = utf8Line.Span.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return null;
        }
        try
        {
            return JsonDocument.Parse(utf8Line, DocumentOptions);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Hands a decoded line to <paramref name="handler"/> and disposes it; false when it is malformed.</summary>
    public static bool Apply<THandler>(THandler handler, object? decoded, ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink)
        where THandler : IJsonLineHandler
    {
        if (decoded is not JsonDocument document)
        {
            return false;
        }
        var mark = sink.Count;
        try
        {
            if (handler.TryHandle(document.RootElement, utf8Line, sink))
            {
                return true;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // malformed, below
        }
        finally
        {
            document.Dispose();
        }
        sink.RemoveRange(mark, sink.Count - mark);
        return false;
    }
}
