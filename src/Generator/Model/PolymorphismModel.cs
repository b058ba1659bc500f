using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>
/// A base type's <c>[JsonPolymorphic]</c> / <c>[JsonDerivedType]</c>s: the discriminator's JSON name and what to do
/// with runtime types and discriminator values it does not list.
/// </summary>
[DebuggerDisplay("\"{DiscriminatorName,nq}\": {DerivedTypes.Count} derived types ({UnknownDerivedTypeHandling})")]
internal sealed record PolymorphismModel
{
    public required string DiscriminatorName { get; init; }

    public required EquatableArray<DerivedTypeModel> DerivedTypes { get; init; }

    public required UnknownDerivedTypeHandling UnknownDerivedTypeHandling { get; init; }

    public bool IgnoreUnrecognizedTypeDiscriminators { get; init; }
}
