using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>One serialized property or field of a DTO.</summary>
[DebuggerDisplay("{Name,nq} as \"{JsonName,nq}\" ({Assignment})")]
internal sealed record JsonPropertyModel
{
    /// <summary>The member's C# name.</summary>
    public required string Name { get; init; }

    public required string JsonName { get; init; }

    public required TypeShape Shape { get; init; }

    /// <summary>The member can be read, so it is written to JSON.</summary>
    public bool CanRead { get; init; }

    public required PropertyAssignment Assignment { get; init; }

    /// <summary>The JSON must have the member (C# <c>required</c> or <c>[JsonRequired]</c>).</summary>
    public bool IsRequired { get; init; }

    public WriteCondition WriteCondition { get; init; }

    /// <summary>
    /// Creating the object may give the member a value other than its type's default (an initializer, a constructor
    /// body, or a type compiled elsewhere whose constructors cannot be seen), which an init-only member missing from the
    /// JSON must keep, as with System.Text.Json.
    /// </summary>
    public bool MayBeSetByConstructor { get; init; }
}
