using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// One of OciRaw's own attributes on a method, parameter or property (<c>[OciEndpoint]</c>, <c>[OciQuery]</c>,
/// <c>[OciHeader]</c>, <c>[OciBody]</c>), read from its syntax or, where the syntax alone cannot tell, bound by the
/// compiler (<see cref="DeclaredAttributes"/> says when).
/// </summary>
internal sealed class OciAttribute
{
    private OciAttribute(string? stringArgument, Location? location, AttributeData? bound)
    {
        StringArgument = stringArgument;
        Location = location;
        Bound = bound;
    }

    /// <summary>The constructor's argument when it is a string: the route, the header or the query name.</summary>
    public string? StringArgument { get; }

    /// <summary>Where the attribute is written.</summary>
    public Location? Location { get; }

    /// <summary>
    /// The compiler's view of the attribute, for its named arguments; null when it was read from syntax, which happens
    /// only when it has none.
    /// </summary>
    public AttributeData? Bound { get; }

    /// <summary>The value of the named argument <paramref name="name"/> (<c>ExcludeBodyFromSignature = true</c>), or null.</summary>
    public object? NamedArgument(string name)
    {
        if (Bound is null)
        {
            return null;
        }

        foreach (var argument in Bound.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    public static OciAttribute FromSyntax(string? stringArgument, Location location) => new(stringArgument, location, null);

    public static OciAttribute FromBound(AttributeData attribute, System.Threading.CancellationToken cancellationToken) =>
        new(
            attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null,
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
            attribute);
}
