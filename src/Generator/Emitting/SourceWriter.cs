using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Writes C# line by line with indentation, always with LF endings, into a <see cref="ChunkedText"/>.
/// </summary>
/// <remarks>
/// The whole of OCI is some 150 million characters of generated code, so the writer keeps what it allocates down to the
/// text itself: an interpolated line (<c>w.Line($"if ({x}) ...")</c>) is appended part by part through
/// <see cref="LineText"/> rather than built as a string first, and the text is handed to Roslyn without a copy
/// (<see cref="ChunkedText"/> says how).
/// </remarks>
internal sealed class SourceWriter
{
    private ChunkedText? _text = new();
    private int _indent;

    /// <param name="names">How the file spells the runtime's types: in full unless it declares the aliases.</param>
    public SourceWriter(RuntimeNames? names = null)
    {
        Names = names ?? RuntimeNames.Qualified;
    }

    /// <summary>How code in this file names System.Text.Json and the OciRaw runtime.</summary>
    public RuntimeNames Names { get; }

    private ChunkedText Text => _text ?? throw new InvalidOperationException("The writer's text was already taken.");

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Text.Append(' ', _indent * 4);
        }

        Text.Append(text);
        Text.Append('\n');
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
    public Checkpoint Mark() => new(Text.Length, _indent);

    /// <summary>Drops what was written since <paramref name="checkpoint"/> (a part that failed half-way).</summary>
    public void RewindTo(Checkpoint checkpoint)
    {
        Text.Length = checkpoint.Length;
        _indent = checkpoint.Indent;
    }

    /// <summary>The text written, once: the writer cannot be written to again.</summary>
    public SourceText ToSourceText()
    {
        ChunkedText text = Text;
        _text = null;
        return text.ToSourceText();
    }

    /// <summary>The text written so far (for a debugger; emitters take their result with <see cref="ToSourceText"/>).</summary>
    public override string ToString() => _text?.ToString() ?? string.Empty;

    /// <summary>A place in the text, with the indentation there.</summary>
    internal readonly record struct Checkpoint(int Length, int Indent);

    /// <summary>
    /// Appends an interpolated line straight into the writer's buffer: the indentation first, then each part, and the
    /// line end in <see cref="End"/>. A line that comes out empty gets no indentation, as with <see cref="Line(string)"/>.
    /// </summary>
    [InterpolatedStringHandler]
    internal readonly ref struct LineText
    {
        private readonly ChunkedText _text;
        private readonly int _lineStart;
        private readonly int _textStart;

        public LineText(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _text = writer.Text;
            _lineStart = _text.Length;
            _text.Append(' ', writer._indent * 4);
            _textStart = _text.Length;
        }

        public void AppendLiteral(string value) => _text.Append(value);

        public void AppendFormatted(string? value) => _text.Append(value);

        public void AppendFormatted(char value) => _text.Append(value);

        public void AppendFormatted(int value) => _text.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Any other value, formatted invariantly: generated code must not depend on the culture the compiler runs in.</summary>
        public void AppendFormatted<T>(T value) =>
            _text.Append(value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());

        internal void End()
        {
            if (_text.Length == _textStart)
            {
                _text.Length = _lineStart;
            }

            _text.Append('\n');
        }
    }
}
