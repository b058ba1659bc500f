using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>A constructor parameter and the property (by index into Properties) whose JSON member feeds it.</summary>
[DebuggerDisplay("{Name,nq} <- property {PropertyIndex}")]
internal sealed record JsonConstructorParameterModel(string Name, int PropertyIndex, string? DefaultValue);
