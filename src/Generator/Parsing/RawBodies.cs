using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// The <c>[OciBody]</c> parameter types sent as is rather than as JSON: <c>Stream</c>, <c>byte[]</c>,
/// <c>ReadOnlyMemory&lt;byte&gt;</c> and <c>HttpContent</c> (and their subclasses), as the OCI SDKs send PutObject,
/// UploadPart, InvokeFunction and SubmitRawEmail bodies.
/// </summary>
internal static class RawBodies
{
    public static bool IsRaw(ITypeSymbol type, KnownTypes known)
    {
        ITypeSymbol value = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return value is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
            || (KnownTypes.Is(value, known.ReadOnlyMemory) && value is INamedTypeSymbol { TypeArguments.Length: 1 } memory && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            || DerivesFrom(value, known.Stream)
            || DerivesFrom(value, known.HttpContent);
    }

    /// <summary>
    /// The raw body's shape: only its name and nullability matter (the runtime's <c>OciRawContent.Create</c> overloads
    /// pick the content type from the C# type).
    /// </summary>
    public static TypeShape Shape(ITypeSymbol type)
    {
        bool nullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        ITypeSymbol value = nullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        return new TypeShape
        {
            Kind = ShapeKind.Bytes,
            TypeName = value.ToDisplayString(Naming.FullyQualifiedPlain),
            DisplayName = value.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            IsValueType = value.IsValueType,
            IsNullableValueType = nullableValue,
        };
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
