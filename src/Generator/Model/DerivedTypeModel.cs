using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>
/// One <c>[JsonDerivedType]</c>: the type (possibly the base itself), its serializer, its discriminator (a string, an
/// int, or none: then it is written without one and cannot be read back as itself) and its inheritance depth below the
/// base, which orders the nearest-ancestor checks.
/// </summary>
[DebuggerDisplay("{TypeName,nq} {DisplayDiscriminator,nq}")]
internal sealed record DerivedTypeModel
{
    /// <summary>The type, fully qualified.</summary>
    public required string TypeName { get; init; }

    /// <summary>Its generated serializer, fully qualified.</summary>
    public required string SerializerName { get; init; }

    public string? StringDiscriminator { get; init; }

    public int? IntDiscriminator { get; init; }

    /// <summary>How many base classes lie between the type and the polymorphic base (0 for the base itself).</summary>
    public required int Depth { get; init; }

    public bool HasDiscriminator => StringDiscriminator is not null || IntDiscriminator is not null;

    /// <summary>The discriminator as it appears in messages: <c>'image'</c> or <c>1</c>.</summary>
    public string DisplayDiscriminator => StringDiscriminator is { } text ? "'" + text + "'"
        : IntDiscriminator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
