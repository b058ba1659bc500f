using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Decides which properties and fields of a DTO take part in its JSON and how, following System.Text.Json's rules: public
/// properties with a public getter or setter; with <c>[JsonInclude]</c> also non-public properties and accessors, and
/// fields; never <c>[JsonIgnore]</c> members. Generated code lives in another class, so where System.Text.Json would use a
/// private or protected member, an OCIRAW016 says so instead (System.Text.Json's own source generator has the same limit).
/// </summary>
internal sealed class JsonMemberSelector
{
    /// <summary>JsonIgnoreCondition: Never = 0, Always = 1, WhenWritingDefault = 2, WhenWritingNull = 3.</summary>
    private const int IgnoreAlways = 1;

    private readonly KnownTypes _known;
    private readonly JsonAttributeSupport _attributes;
    private readonly CancellationToken _cancellationToken;

    public JsonMemberSelector(KnownTypes known, JsonAttributeSupport attributes, CancellationToken cancellationToken)
    {
        _known = known;
        _attributes = attributes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The members of <paramref name="type"/> in the order they are written, or null when one of them needs something
    /// generated code cannot do (reported). <paramref name="setsRequiredMembers"/>: the constructor that will be called
    /// has [SetsRequiredMembers], so C# <c>required</c> members are neither required in the JSON nor in the initializer.
    /// </summary>
    public List<JsonMember>? Select(INamedTypeSymbol type, string display, bool setsRequiredMembers)
    {
        bool constructorsMaySetMembers = ConstructorsMaySetMembers(type);
        var result = new List<JsonMember>();
        bool ok = true;
        foreach (ISymbol symbol in Candidates(type))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            JsonMember? member = symbol switch
            {
                IPropertySymbol property => Property(property, display, setsRequiredMembers, constructorsMaySetMembers, ref ok),
                IFieldSymbol field => Field(field, display, setsRequiredMembers, constructorsMaySetMembers, ref ok),
                _ => null,
            };
            if (member is null)
            {
                continue;
            }

            ok &= _attributes.CheckMember(symbol, member.Type, display);
            int index = result.FindIndex(m => m.Name == member.Name);
            if (index >= 0)
            {
                // An override or 'new' redeclaration: keep the most derived declaration in the base position.
                result[index] = member;
            }
            else
            {
                result.Add(member);
            }
        }

        if (!ok)
        {
            return null;
        }

        // System.Text.Json sorts by [JsonPropertyOrder] and keeps the declaration order among equal values: a stable sort.
        var ordered = new List<JsonMember>(result.Count);
        foreach (JsonMember member in result)
        {
            int at = ordered.Count;
            while (at > 0 && ordered[at - 1].Order > member.Order)
            {
                at--;
            }

            ordered.Insert(at, member);
        }

        return ordered;
    }

    /// <summary>
    /// The first C# <c>required</c> member that <paramref name="members"/> does not set in the object initializer: the
    /// generated <c>new T { ... }</c> could not compile, so the type cannot be read.
    /// </summary>
    public static string? FirstUnsetRequiredMember(INamedTypeSymbol type, List<JsonMember> members)
    {
        foreach (ISymbol symbol in Candidates(type))
        {
            if (symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }
                && !members.Exists(m => m.Name == symbol.Name && m.Assignment == PropertyAssignment.Initializer))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    /// <summary>Instance properties and fields, base type first; in each type properties before fields, as System.Text.Json lists them.</summary>
    private static IEnumerable<ISymbol> Candidates(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol level in Chain(type))
        {
            foreach (ISymbol member in level.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property && property.Name != "EqualityContract")
                {
                    yield return property;
                }
            }

            foreach (ISymbol member in level.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field)
                {
                    yield return field;
                }
            }
        }
    }

    private JsonMember? Property(IPropertySymbol property, string display, bool setsRequiredMembers, bool constructorsMaySetMembers, ref bool ok)
    {
        if (IgnoreCondition(property) == IgnoreAlways)
        {
            return null;
        }

        IMethodSymbol? getter = property.GetMethod;
        IMethodSymbol? setter = property.SetMethod;
        bool canGet;
        bool canSet;
        if (KnownTypes.Find(property, _known.JsonInclude) is { } include)
        {
            // System.Text.Json then uses every accessor, whatever its accessibility; generated code can use reachable ones only.
            string subject = $"member '{property.Name}' of '{display}'";
            if (getter is not null && !_known.IsReachable(getter))
            {
                ok &= _attributes.Report(include, property, subject, Unreachable("its getter", getter));
                return null;
            }

            if (setter is not null && !_known.IsReachable(setter))
            {
                ok &= _attributes.Report(include, property, subject, Unreachable("its setter", setter));
                return null;
            }

            if (setter is { IsInitOnly: true } && getter is null)
            {
                ok &= _attributes.Report(include, property, subject, "it is init-only without a getter, so a member missing from the JSON could not keep the value the constructor gave it; add a getter");
                return null;
            }

            canGet = getter is not null;
            canSet = setter is not null;
        }
        else
        {
            if (property.DeclaredAccessibility != Accessibility.Public)
            {
                return null;
            }

            canGet = getter is { DeclaredAccessibility: Accessibility.Public };
            canSet = setter is { DeclaredAccessibility: Accessibility.Public };

            // A public setter alone is enough for System.Text.Json to read the member. An init-only member without a
            // public getter is left out: a member missing from the JSON could not keep its constructed value.
            if (!canGet && !(canSet && setter is { IsInitOnly: false }))
            {
                return null;
            }
        }

        return Member(property, property.Type, display, canGet, canSet, initOnly: setter is { IsInitOnly: true }, property.IsRequired,
            setsRequiredMembers, constructorsMaySetMembers || HasInitializer(property), ref ok);
    }

    private JsonMember? Field(IFieldSymbol field, string display, bool setsRequiredMembers, bool constructorsMaySetMembers, ref bool ok)
    {
        // Fields take part only with [JsonInclude] (System.Text.Json's IncludeFields option is off in OCI's JSON).
        if (IgnoreCondition(field) == IgnoreAlways || KnownTypes.Find(field, _known.JsonInclude) is not { } include)
        {
            return null;
        }

        if (!_known.IsReachable(field))
        {
            ok &= _attributes.Report(include, field, $"member '{field.Name}' of '{display}'", Unreachable("it", field));
            return null;
        }

        // A readonly field is written but not read, as System.Text.Json does (unless a constructor parameter binds it).
        return Member(field, field.Type, display, canGet: true, canSet: !field.IsReadOnly, initOnly: false, field.IsRequired,
            setsRequiredMembers, constructorsMaySetMembers || HasInitializer(field), ref ok);
    }

    private JsonMember? Member(ISymbol symbol, ITypeSymbol type, string display, bool canGet, bool canSet, bool initOnly, bool isCSharpRequired,
        bool setsRequiredMembers, bool mayBeSetByConstructor, ref bool ok)
    {
        bool csharpRequired = isCSharpRequired && !setsRequiredMembers;
        AttributeData? jsonRequired = KnownTypes.Find(symbol, _known.JsonRequired);
        if (jsonRequired is not null && !canSet)
        {
            // System.Text.Json rejects the whole type at run time (InvalidOperationException), constructor parameter or not.
            ok &= _attributes.Report(jsonRequired, symbol, $"member '{symbol.Name}' of '{display}'",
                "the member has no setter System.Text.Json could use, so System.Text.Json rejects the type; give it a setter (a non-public one with [JsonInclude]) or remove the attribute");
            return null;
        }

        PropertyAssignment assignment = !canSet ? PropertyAssignment.None
            : initOnly || csharpRequired ? PropertyAssignment.Initializer
            : PropertyAssignment.Setter;
        return new JsonMember(symbol, type, JsonName(symbol), canGet, assignment, IsRequired: jsonRequired is not null || csharpRequired,
            WriteConditionOf(symbol), Order(symbol), mayBeSetByConstructor);
    }

    private static string Unreachable(string what, ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal
            ? $"{what} is internal to another assembly, which generated code cannot use"
            : $"{what} is {(symbol.DeclaredAccessibility == Accessibility.Private ? "private" : "protected")}, and generated code, like System.Text.Json's source generator, can use only public and internal members; make it internal";

    private static List<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        return chain;
    }

    /// <summary>
    /// Whether creating the object may give members values other than their initializers: a constructor with statements
    /// or a <c>: this(...)</c> / <c>: base(...)</c> call anywhere in the hierarchy, or a type compiled elsewhere, whose
    /// constructors cannot be read. When false, only members with initializers need their constructed value kept.
    /// </summary>
    private bool ConstructorsMaySetMembers(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol level in Chain(type))
        {
            if (level.DeclaringSyntaxReferences.Length == 0)
            {
                return true;
            }

            foreach (IMethodSymbol constructor in level.InstanceConstructors)
            {
                foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(_cancellationToken) is ConstructorDeclarationSyntax declaration
                        && (declaration.Initializer is not null || declaration.ExpressionBody is not null || declaration.Body is { Statements.Count: > 0 }))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Declared with <c>= value</c> (or as a positional record parameter, which its constructor assigns).</summary>
    private bool HasInitializer(ISymbol member)
    {
        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax { Initializer: not null } or VariableDeclaratorSyntax { Initializer: not null } or ParameterSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private int? IgnoreCondition(ISymbol member)
    {
        if (KnownTypes.Find(member, _known.JsonIgnore) is not { } ignore)
        {
            return null;
        }

        foreach (KeyValuePair<string, TypedConstant> argument in ignore.NamedArguments)
        {
            if (argument.Key == "Condition" && argument.Value.Value is int condition)
            {
                return condition;
            }
        }

        return IgnoreAlways; // [JsonIgnore] alone
    }

    private WriteCondition WriteConditionOf(ISymbol member) => IgnoreCondition(member) switch
    {
        0 => WriteCondition.Always,
        2 => WriteCondition.SkipDefault,
        _ => WriteCondition.SkipNull,
    };

    private string JsonName(ISymbol member) =>
        KnownTypes.Find(member, _known.JsonPropertyName) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is string explicitName
            ? explicitName
            : Naming.CamelCase(member.Name);

    private int Order(ISymbol member) =>
        KnownTypes.Find(member, _known.JsonPropertyOrder) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is int order
            ? order
            : 0;
}
