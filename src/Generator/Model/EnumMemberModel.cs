using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>An enum member and its JSON string.</summary>
[DebuggerDisplay("{Name,nq} = \"{WireValue,nq}\"")]
internal sealed record EnumMemberModel(string Name, string WireValue);
