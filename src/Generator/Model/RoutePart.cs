using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>A piece of a route: literal text, or the name of the parameter whose value goes there.</summary>
[DebuggerDisplay("{Text,nq} (parameter: {IsParameter})")]
internal sealed record RoutePart(bool IsParameter, string Text);
