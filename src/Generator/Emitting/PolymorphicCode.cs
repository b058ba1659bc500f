using System.Collections.Generic;
using System.Linq;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// The <c>Write</c> and <c>Read</c> of a polymorphic base (<c>[JsonDerivedType]</c>s), which choose the type and then
/// call the chosen type's <c>WriteMembers</c> / <c>ReadObject</c>. Each level of a deep hierarchy dispatches with its own
/// list only, as System.Text.Json does: a derived type reached through its base is written and read with its members,
/// not through its own <c>[JsonDerivedType]</c>s.
/// </summary>
internal static class PolymorphicCode
{
    public static void EmitWriteDispatch(SourceWriter w, JsonTypeModel model, PolymorphismModel polymorphism)
    {
        string name = Naming.Literal(polymorphism.DiscriminatorName) + "u8";
        DerivedTypeModel? self = polymorphism.DerivedTypes.FirstOrDefault(d => d.TypeName == model.TypeName);
        if (polymorphism.UnknownDerivedTypeHandling == UnknownDerivedTypeHandling.FallBackToNearestAncestor)
        {
            // The nearest listed ancestor of the runtime type is the deepest listed type it is an instance of: with single
            // inheritance, the listed types a value is an instance of form one chain.
            w.Line("// FallBackToNearestAncestor: the most derived listed type the value is an instance of.");
            IEnumerable<DerivedTypeModel> deepestFirst = polymorphism.DerivedTypes.Select((d, i) => (d, i))
                .OrderByDescending(p => p.d.Depth).ThenBy(p => p.i).Select(p => p.d);
            var locals = new EmittedNames(["value", "writer"]);
            foreach (DerivedTypeModel derived in deepestFirst)
            {
                if (derived == self)
                {
                    continue; // the base itself matches every value: it is the fall-back below
                }

                string local = locals.ClaimLocal(derived.TypeName);
                w.Open($"if (value is {derived.TypeName} {local})");
                WriteDerived(w, derived, name, local);
                w.Line("return;");
                w.Close();
            }

            w.Line();
            WriteFallBack(w, self, name);
            return;
        }

        w.Line("// System.Text.Json chooses the listed type by the value's exact runtime type.");
        w.Line("global::System.Type __type = value.GetType();");
        foreach (DerivedTypeModel derived in polymorphism.DerivedTypes)
        {
            w.Open($"if (__type == typeof({derived.TypeName}))");
            WriteDerived(w, derived, name, derived == self ? "value" : $"({derived.TypeName})value");
            w.Line("return;");
            w.Close();
        }

        w.Line();
        string display = Naming.Literal(model.DisplayName);
        if (polymorphism.UnknownDerivedTypeHandling == UnknownDerivedTypeHandling.FallBackToBaseType)
        {
            w.Line("// FallBackToBaseType: a type not listed is written as the base, with the base's discriminator if it is listed.");
            WriteFallBack(w, self, name);
        }
        else if (model.IsAbstract)
        {
            w.Line($"throw {w.Names.Polymorphism}.UnknownDerivedType({display}, __type);");
        }
        else
        {
            w.Line("// FailSerialization: only the base itself may be written without being listed.");
            w.Open($"if (__type != typeof({model.TypeName}))");
            w.Line($"throw {w.Names.Polymorphism}.UnknownDerivedType({display}, __type);");
            w.Close();
            w.Line();
            WriteFallBack(w, null, name);
        }
    }

    public static void EmitReadDispatch(SourceWriter w, JsonTypeModel model, PolymorphismModel polymorphism)
    {
        string display = Naming.Literal(model.DisplayName);
        var withDiscriminator = polymorphism.DerivedTypes.Where(d => d.HasDiscriminator).ToList();
        string known = Naming.Literal(withDiscriminator.Count == 0
            ? "(none: no [JsonDerivedType] of it has a discriminator)"
            : string.Join(", ", withDiscriminator.Select(d => d.DisplayDiscriminator)));
        w.Line($"{w.Names.Reader}.ExpectStartObject(ref reader, {display});");
        if (withDiscriminator.Count > 0)
        {
            w.Line("// The discriminator may stand anywhere in the object (OCI does not put it first): it is looked up on a copy of");
            w.Line("// the reader, which stays on '{' for the chosen type's reader; that reader skips the discriminator as unknown.");
            w.Open($"if ({w.Names.Polymorphism}.FindDiscriminator(ref reader, {Naming.Literal(polymorphism.DiscriminatorName)}u8, {display}, out {w.Names.Json}.Utf8JsonReader __discriminator))");
            EmitMatches(w, $"__discriminator.TokenType == {w.Names.Json}.JsonTokenType.String", withDiscriminator.Where(d => d.StringDiscriminator is not null),
                d => $"__discriminator.ValueTextEquals({Naming.Literal(d.StringDiscriminator!)}u8)");
            EmitMatches(w, $"__discriminator.TokenType == {w.Names.Json}.JsonTokenType.Number && __discriminator.TryGetInt32(out int __id)",
                withDiscriminator.Where(d => d.IntDiscriminator is not null),
                d => "__id == " + d.IntDiscriminator!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Line();
            if (polymorphism.IgnoreUnrecognizedTypeDiscriminators && !model.IsAbstract)
            {
                w.Line("// IgnoreUnrecognizedTypeDiscriminators: services add subtypes over time, so an unknown one reads as the base.");
            }
            else
            {
                w.Line($"throw {w.Names.Polymorphism}.UnknownDiscriminator(ref __discriminator, {Naming.Literal(polymorphism.DiscriminatorName)}, {display}, {known});");
            }

            w.Close();
            w.Line();
        }

        if (model.IsAbstract)
        {
            w.Line($"throw {w.Names.Polymorphism}.MissingDiscriminator({Naming.Literal(polymorphism.DiscriminatorName)}, {display}, {known});");
        }
        else
        {
            w.Line("return ReadObject(ref reader);");
        }
    }

    /// <summary>Under <paramref name="kind"/> (a string or a number token), one <c>if</c> per derived type that returns it read.</summary>
    private static void EmitMatches(SourceWriter w, string kind, IEnumerable<DerivedTypeModel> derivedTypes, System.Func<DerivedTypeModel, string> matches)
    {
        var list = derivedTypes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.Open($"if ({kind})");
        foreach (DerivedTypeModel derived in list)
        {
            w.Open($"if ({matches(derived)})");
            w.Line($"return {derived.SerializerName}.ReadObject(ref reader);");
            w.Close();
        }

        w.Close();
    }

    /// <summary>Writes <paramref name="value"/> as <paramref name="derived"/>: its discriminator first, as System.Text.Json does, then its members.</summary>
    private static void WriteDerived(SourceWriter w, DerivedTypeModel derived, string name, string value)
    {
        w.Line("writer.WriteStartObject();");
        if (derived.StringDiscriminator is { } text)
        {
            w.Line($"writer.WriteString({name}, {Naming.Literal(text)}u8);");
        }
        else if (derived.IntDiscriminator is { } number)
        {
            w.Line($"writer.WriteNumber({name}, {number.ToString(System.Globalization.CultureInfo.InvariantCulture)});");
        }

        w.Line($"{derived.SerializerName}.WriteMembers(writer, {value});");
        w.Line("writer.WriteEndObject();");
    }

    /// <summary>The base's own members, with its discriminator when the base lists itself.</summary>
    private static void WriteFallBack(SourceWriter w, DerivedTypeModel? self, string name)
    {
        if (self is not null)
        {
            WriteDerived(w, self, name, "value");
            return;
        }

        w.Line("writer.WriteStartObject();");
        w.Line("WriteMembers(writer, value);");
        w.Line("writer.WriteEndObject();");
    }
}
