using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// A StringBuilder with indentation: the emitters write C# line by line, always with LF endings.
/// </summary>
/// <remarks>
/// The whole of OCI is some 200 million characters of generated code, so the writer keeps what it allocates down to the
/// text itself: an interpolated line (<c>w.Line($"if ({x}) ...")</c>) is appended part by part through
/// <see cref="LineText"/> rather than built as a string first; the buffer is reused by the next writer on the same
/// thread once <see cref="ToSourceText"/> has taken the text out; and that text is read from the buffer by Roslyn, which
/// keeps a large one in chunks (a client or serializer of more than 40K characters would otherwise be a string on the
/// large object heap, each of which brings a full garbage collection nearer).
/// </remarks>
internal sealed class SourceWriter
{
    /// <summary>Buffers above this many characters are dropped rather than kept for the next writer.</summary>
    private const int LargestReusedBuffer = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? s_reusable;

    private StringBuilder? _builder;
    private int _indent;

    /// <param name="names">How the file spells the runtime's types: in full unless it declares the aliases.</param>
    public SourceWriter(RuntimeNames? names = null)
    {
        Names = names ?? RuntimeNames.Qualified;
        _builder = s_reusable ?? new StringBuilder(16 * 1024);
        s_reusable = null;
    }

    /// <summary>How code in this file names System.Text.Json and the OciRaw runtime.</summary>
    public RuntimeNames Names { get; }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer's text was already taken.");

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Builder.Append(' ', _indent * 4);
        }

        Builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>An interpolated line, appended in place: <c>w.Line($"return {value};")</c> builds no string of its own.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineText text)
    {
        text.End();
        return this;
    }

    /// <summary>Writes <paramref name="header"/> then <c>{</c> and indents until the matching <see cref="Close"/>.</summary>
    public SourceWriter Open(string header)
    {
        Line(header);
        return Open();
    }

    /// <inheritdoc cref="Open(string)"/>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineText header)
    {
        header.End();
        return Open();
    }

    public SourceWriter Open() => Line("{").Indent();

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>Where the writer stands, to go back to with <see cref="RewindTo"/>.</summary>
    public Checkpoint Mark() => new(Builder.Length, _indent);

    /// <summary>Drops what was written since <paramref name="checkpoint"/> (a part that failed half-way).</summary>
    public void RewindTo(Checkpoint checkpoint)
    {
        Builder.Length = checkpoint.Length;
        _indent = checkpoint.Indent;
    }

    /// <summary>The text written, once: the buffer goes back to be reused and the writer cannot be written to again.</summary>
    public SourceText ToSourceText()
    {
        StringBuilder builder = Builder;
        _builder = null;
        SourceText text = SourceText.From(new BuilderReader(builder), builder.Length, Encoding.UTF8);
        if (builder.Capacity <= LargestReusedBuffer)
        {
            builder.Clear();
            s_reusable = builder;
        }

        return text;
    }

    /// <summary>The text written so far (for a debugger; emitters take their result with <see cref="ToSourceText"/>).</summary>
    public override string ToString() => _builder?.ToString() ?? string.Empty;

    /// <summary>A place in the text, with the indentation there.</summary>
    internal readonly record struct Checkpoint(int Length, int Indent);

    /// <summary>
    /// Appends an interpolated line straight into the writer's buffer: the indentation first, then each part, and the
    /// line end in <see cref="End"/>. A line that comes out empty gets no indentation, as with <see cref="Line(string)"/>.
    /// </summary>
    [InterpolatedStringHandler]
    internal readonly ref struct LineText
    {
        private readonly StringBuilder _builder;
        private readonly int _lineStart;
        private readonly int _textStart;

        public LineText(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _builder = writer.Builder;
            _lineStart = _builder.Length;
            _builder.Append(' ', writer._indent * 4);
            _textStart = _builder.Length;
        }

        public void AppendLiteral(string value) => _builder.Append(value);

        public void AppendFormatted(string? value) => _builder.Append(value);

        public void AppendFormatted(char value) => _builder.Append(value);

        public void AppendFormatted(int value) => _builder.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Any other value, formatted invariantly: generated code must not depend on the culture the compiler runs in.</summary>
        public void AppendFormatted<T>(T value) =>
            _builder.Append(value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());

        internal void End()
        {
            if (_builder.Length == _textStart)
            {
                _builder.Length = _lineStart;
            }

            _builder.Append('\n');
        }
    }

    /// <summary>Reads a StringBuilder in place, for <see cref="SourceText.From(TextReader, int, Encoding, SourceHashAlgorithm)"/>.</summary>
    private sealed class BuilderReader(StringBuilder builder) : TextReader
    {
        private int _position;

        public override int Peek() => _position < builder.Length ? builder[_position] : -1;

        public override int Read() => _position < builder.Length ? builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            int read = Math.Min(count, builder.Length - _position);
            builder.CopyTo(_position, buffer, index, read);
            _position += read;
            return read;
        }

        public override string ReadToEnd()
        {
            string rest = builder.ToString(_position, builder.Length - _position);
            _position = builder.Length;
            return rest;
        }
    }
}
