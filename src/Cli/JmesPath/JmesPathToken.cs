using OciRaw.Cli.Json;

namespace OciRaw.Cli.JmesPath;

/// <summary>One token: its kind, where it starts, and its text, number or literal value.</summary>
internal readonly record struct JmesPathToken(JmesPathTokenKind Kind, int Position, string Text = "", int Number = 0, JsonItem? Literal = null);
