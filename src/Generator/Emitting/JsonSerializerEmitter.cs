using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Emits one serializer class per DTO or enum: <c>Write(Utf8JsonWriter, T)</c> and <c>Read(ref Utf8JsonReader)</c>
/// with no reflection. Null members are not written; unknown members are skipped; errors carry the JSON path.
/// </summary>
internal static class JsonSerializerEmitter
{
    /// <summary>
    /// The serializers of one file. A type whose serializer cannot be emitted is left out and handed to
    /// <paramref name="failed"/> (OCIRAW015 for it), and the others are still written.
    /// </summary>
    public static SourceText Emit(JsonFileModel file, Action<JsonTypeModel, Exception> failed)
    {
        var w = new SourceWriter(RuntimeNames.Aliased);
        // Annotations stay on; nullable warnings are off because JSON may put null where a type says it cannot be,
        // exactly as System.Text.Json does.
        FileHeader.Write(w, "#nullable enable annotations\n#nullable disable warnings");
        // File-scoped (C# 10; serializers already need C# 11 for u8 literals): one level less on every line of what is
        // most of the generated code.
        w.Line($"namespace {GeneratedNames.Namespace};");
        w.Line();
        RuntimeNames.WriteAliases(w);
        w.Line();
        bool first = true;
        foreach (JsonTypeModel model in file.Types)
        {
            SourceWriter.Checkpoint before = w.Mark();
            try
            {
                if (!first)
                {
                    w.Line();
                }

                EmitSerializer(w, model);
                first = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                w.RewindTo(before);
                failed(model, e);
            }
        }

        return w.ToSourceText();
    }

    private static void EmitSerializer(SourceWriter w, JsonTypeModel model)
    {
        w.Line($"/// <summary>Reflection-free JSON for <see cref=\"{model.TypeName.Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}')}\"/>.</summary>");
        FileHeader.WriteClassAttributes(w);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal static class {model.SerializerClassName}");
        if (model.IsEnum)
        {
            EmitEnum(w, model);
        }
        else
        {
            var locals = new MemberLocals(model.Properties);
            EmitObjectWrite(w, model, locals);
            w.Line();
            EmitObjectRead(w, model, locals);
        }

        w.Close();
    }

    private static void EmitEnum(SourceWriter w, JsonTypeModel model)
    {
        string type = model.TypeName;
        string display = Naming.Literal(model.DisplayName);
        w.Line("/// <summary>The JSON string of a member; null for <c>UnknownEnumValue</c> and undefined values, which are never sent.</summary>");
        w.Open($"public static string ToWire({type} value)");
        // Comparisons rather than a switch: members that share a value (aliases) would repeat a case label. The first
        // declared alias wins, as in System.Text.Json.
        foreach (EnumMemberModel member in model.EnumMembers)
        {
            w.Line($"if (value == {type}.{Naming.Identifier(member.Name)}) return {Naming.Literal(member.WireValue)};");
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The value for a path, query or header; undefined values are an error rather than a silent number.</summary>");
        w.Line($"public static string Format({type} value) => ToWire(value) ?? throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"The value has no JSON name in \" + {display} + \".\");");
        w.Line();
        w.Open($"public static void Write({w.Names.Json}.Utf8JsonWriter writer, {type} value)");
        foreach (EnumMemberModel member in model.EnumMembers)
        {
            w.Open($"if (value == {type}.{Naming.Identifier(member.Name)})");
            w.Line($"writer.WriteStringValue({Naming.Literal(member.WireValue)}u8);");
            w.Line("return;");
            w.Close();
        }

        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Line();
        w.Open($"public static {type} Read(ref {w.Names.Json}.Utf8JsonReader reader)");
        if (model.UnknownEnumMember is { } unknownForNull)
        {
            w.Line("// UnknownEnumValue is written as null (it is never sent as a name), so null reads back as it.");
            w.Open($"if (reader.TokenType == {w.Names.Json}.JsonTokenType.Null)");
            w.Line($"return {type}.{unknownForNull};");
            w.Close();
        }

        w.Open($"if (reader.TokenType == {w.Names.Json}.JsonTokenType.String)");
        foreach (EnumMemberModel member in model.EnumMembers)
        {
            w.Line($"if (reader.ValueTextEquals({Naming.Literal(member.WireValue)}u8)) return {type}.{Naming.Identifier(member.Name)};");
        }

        w.Line();
        w.Line("// Like JsonStringEnumConverter, accept other casings; services add values over time, so unknown ones are not fatal where the enum allows.");
        w.Line("string text = reader.GetString();");
        foreach (EnumMemberModel member in model.EnumMembers)
        {
            w.Line($"if (string.Equals(text, {Naming.Literal(member.WireValue)}, global::System.StringComparison.OrdinalIgnoreCase)) return {type}.{Naming.Identifier(member.Name)};");
        }

        if (model.UnknownEnumMember is { } unknown)
        {
            w.Line($"return {type}.{unknown};");
        }

        w.Close();
        w.Line();
        w.Line($"throw {w.Names.Reader}.UnknownEnumValue(ref reader, {display});");
        w.Close();
    }

    private static void EmitObjectWrite(SourceWriter w, JsonTypeModel model, MemberLocals locals)
    {
        w.Open($"public static void Write({w.Names.Json}.Utf8JsonWriter writer, {model.TypeName} value)");
        if (model.Polymorphism is { } polymorphism)
        {
            PolymorphicCode.EmitWriteDispatch(w, model, polymorphism);
        }
        else if (model.HasObjectCore)
        {
            w.Line("writer.WriteStartObject();");
            w.Line("WriteMembers(writer, value);");
            w.Line("writer.WriteEndObject();");
        }
        else
        {
            w.Line("writer.WriteStartObject();");
            EmitMembersWrite(w, model, locals);
            w.Line("writer.WriteEndObject();");
        }

        w.Close();
        if (model.HasObjectCore)
        {
            w.Line();
            w.Line("/// <summary>The members, without braces: a polymorphic base writes its discriminator before them.</summary>");
            w.Open($"public static void WriteMembers({w.Names.Json}.Utf8JsonWriter writer, {model.TypeName} value)");
            EmitMembersWrite(w, model, locals);
            w.Close();
        }
    }

    private static void EmitMembersWrite(SourceWriter w, JsonTypeModel model, MemberLocals locals)
    {
        for (int i = 0; i < model.Properties.Count; i++)
        {
            JsonPropertyModel property = model.Properties[i];
            if (!property.CanRead)
            {
                continue;
            }

            string access = "value." + Naming.Identifier(property.Name);
            TypeShape shape = property.Shape;
            if (shape.CanBeNull)
            {
                // A nullable enum holding UnknownEnumValue or an undefined value is left out too, rather than written as null.
                string local = locals.Value(i);
                string known = shape.Kind == ShapeKind.Enum ? $" && {shape.SerializerName}.ToWire({local}) is not null" : string.Empty;
                w.Open($"if ({access} is {{ }} {local}{known})");
                ValueCode.WriteMember(w, shape.NonNullable, property.JsonName, local, 0);
                w.Close();
                if (property.WriteCondition == WriteCondition.Always)
                {
                    // [JsonIgnore(Condition = Never)]: the member is written even when it is null.
                    w.Open("else");
                    w.Line($"writer.WriteNull({Naming.Literal(property.JsonName)}u8);");
                    w.Close();
                }
            }
            else if (property.WriteCondition == WriteCondition.SkipDefault)
            {
                // [JsonIgnore(Condition = WhenWritingDefault)]: 0, false and default structs are left out.
                w.Open($"if (!global::System.Collections.Generic.EqualityComparer<{shape.TypeName}>.Default.Equals({access}, default))");
                ValueCode.WriteMember(w, shape, property.JsonName, access, 0);
                w.Close();
            }
            else if (shape.Kind == ShapeKind.JsonElement)
            {
                w.Open($"if ({access}.ValueKind != {w.Names.Json}.JsonValueKind.Undefined)");
                ValueCode.WriteMember(w, shape, property.JsonName, access, 0);
                w.Close();
            }
            else if (shape.Kind == ShapeKind.Enum)
            {
                // UnknownEnumValue and undefined values are left out rather than sent back to the service.
                w.Open($"if ({shape.SerializerName}.ToWire({access}) is not null)");
                ValueCode.WriteMember(w, shape, property.JsonName, access, 0);
                w.Close();
            }
            else
            {
                ValueCode.WriteMember(w, shape, property.JsonName, access, 0);
            }
        }
    }

    private static void EmitObjectRead(SourceWriter w, JsonTypeModel model, MemberLocals locals)
    {
        if (!model.HasObjectCore)
        {
            w.Open($"public static {model.TypeName} Read(ref {w.Names.Json}.Utf8JsonReader reader)");
            EmitObjectReadBody(w, model, locals);
            w.Close();
            return;
        }

        if (model.Polymorphism is { } polymorphism)
        {
            w.Open($"public static {model.TypeName} Read(ref {w.Names.Json}.Utf8JsonReader reader)");
            PolymorphicCode.EmitReadDispatch(w, model, polymorphism);
            w.Close();
        }
        else
        {
            w.Line($"public static {model.TypeName} Read(ref {w.Names.Json}.Utf8JsonReader reader) => ReadObject(ref reader);");
        }

        if (!model.IsAbstract)
        {
            w.Line();
            w.Line("/// <summary>The object itself, once a polymorphic base has chosen this type (its discriminator is skipped as unknown).</summary>");
            w.Open($"public static {model.TypeName} ReadObject(ref {w.Names.Json}.Utf8JsonReader reader)");
            EmitObjectReadBody(w, model, locals);
            w.Close();
        }
    }

    private static void EmitObjectReadBody(SourceWriter w, JsonTypeModel model, MemberLocals locals)
    {
        string display = Naming.Literal(model.DisplayName);
        bool setsInPlace = SetsMembersInPlace(model);
        w.Line($"{w.Names.Reader}.ExpectStartObject(ref reader, {display});");
        if (setsInPlace)
        {
            // Every member has a setter: create the object first and set each member as it is read, as
            // System.Text.Json does; a member missing from the JSON keeps what the constructor gave it.
            w.Line($"var __result = new {model.TypeName}();");
        }

        for (int i = 0; i < model.Properties.Count; i++)
        {
            JsonPropertyModel property = model.Properties[i];
            if (property.Assignment == PropertyAssignment.None)
            {
                continue;
            }

            if (!setsInPlace)
            {
                w.Line($"{property.Shape.DeclaredName} {locals.Value(i)} = {InitialValue(model, i)};");
            }

            if (NeedsPresenceFlag(property, setsInPlace))
            {
                w.Line($"bool {locals.Has(i)} = false;");
            }
        }

        w.Line("string __member = null;");
        w.Open("try");
        w.Open($"while ({w.Names.Reader}.NextProperty(ref reader, {display}))");
        string keyword = "if";
        for (int i = 0; i < model.Properties.Count; i++)
        {
            JsonPropertyModel property = model.Properties[i];
            if (property.Assignment == PropertyAssignment.None)
            {
                continue;
            }

            w.Open($"{keyword} (reader.ValueTextEquals({Naming.Literal(property.JsonName)}u8))");
            w.Line($"__member = {Naming.Literal(property.JsonName)};");
            w.Line($"{w.Names.Reader}.Next(ref reader, {display});");
            ValueCode.Read(w, property.Shape, setsInPlace ? "__result." + Naming.Identifier(property.Name) : locals.Value(i));
            if (NeedsPresenceFlag(property, setsInPlace))
            {
                w.Line($"{locals.Has(i)} = true;");
            }
            w.Close();
            keyword = "else if";
        }

        if (keyword == "if")
        {
            w.Line("// Nothing to read into: every member is skipped.");
            w.Open();
        }
        else
        {
            w.Open("else");
        }

        w.Line("// Unknown members are skipped, as services add new ones over time.");
        w.Line($"{w.Names.Reader}.SkipPropertyValue(ref reader, {display});");
        w.Close();
        w.Line();
        w.Line("__member = null;");
        w.Close();
        w.Close();
        // An OciJsonException from a member's reader gets the member's name in its path and goes on with throw;, so its
        // stack trace still ends where the bad token was read; a low-level error (a malformed token, a number out of
        // range, a setter that refuses the value) becomes the OciJsonException here, with the original inside.
        w.Line($"catch ({w.Names.JsonException} __error)");
        w.Open();
        w.Line($"{w.Names.Errors}.AddProperty(__error, __member);");
        w.Line("throw;");
        w.Close();
        w.Line($"catch (global::System.Exception __error) when ({w.Names.Errors}.IsReadError(__error))");
        w.Open();
        w.Line($"throw {w.Names.Errors}.AtProperty(__error, __member, {display});");
        w.Close();
        w.Line();
        EmitRequiredChecks(w, model, display, locals);
        if (!setsInPlace)
        {
            EmitConstruction(w, model, locals);
        }

        w.Line("return __result;");
    }

    /// <summary>
    /// True when the object is created with <c>new T()</c> and every member it reads has a setter, so the reader can
    /// set each member as it comes instead of keeping it in a local until the end: half the code per member, on what
    /// nearly every OCI model is.
    /// </summary>
    private static bool SetsMembersInPlace(JsonTypeModel model)
    {
        if (model.ConstructorParameters.Count > 0)
        {
            return false;
        }

        foreach (JsonPropertyModel property in model.Properties)
        {
            if (property.Assignment is not (PropertyAssignment.Setter or PropertyAssignment.None))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An init-only member (not required) whose constructed value may differ from its type's default: when the JSON lacks
    /// it, it must keep that value, as with System.Text.Json, which sets init-only members only when they are present.
    /// </summary>
    private static bool KeepsConstructedValue(JsonPropertyModel property) =>
        property.Assignment == PropertyAssignment.Initializer && !property.IsRequired && property.CanRead && property.MayBeSetByConstructor;

    /// <summary>
    /// Required members must be present; kept values depend on it; and setters run after the read only for members
    /// that were present (set in place, a member is set only when it is read, so it needs no flag).
    /// </summary>
    private static bool NeedsPresenceFlag(JsonPropertyModel property, bool setsInPlace) =>
        property.IsRequired || KeepsConstructedValue(property) || (property.Assignment == PropertyAssignment.Setter && !setsInPlace);

    private static string InitialValue(JsonTypeModel model, int propertyIndex)
    {
        foreach (JsonConstructorParameterModel parameter in model.ConstructorParameters)
        {
            if (parameter.PropertyIndex == propertyIndex && parameter.DefaultValue is { } defaultValue)
            {
                return defaultValue;
            }
        }

        return "default";
    }

    private static void EmitRequiredChecks(SourceWriter w, JsonTypeModel model, string display, MemberLocals locals)
    {
        for (int i = 0; i < model.Properties.Count; i++)
        {
            JsonPropertyModel property = model.Properties[i];
            if (property.IsRequired)
            {
                w.Open($"if (!{locals.Has(i)})");
                w.Line($"throw {w.Names.Reader}.MissingRequired({Naming.Literal(property.JsonName)}, {display});");
                w.Close();
            }
        }
    }

    private static void EmitConstruction(SourceWriter w, JsonTypeModel model, MemberLocals locals)
    {
        var arguments = new List<string>();
        foreach (JsonConstructorParameterModel parameter in model.ConstructorParameters)
        {
            arguments.Add(locals.Value(parameter.PropertyIndex));
        }

        string construct = $"new {model.TypeName}({string.Join(", ", arguments)})";
        var present = new List<string>();
        var required = new List<string>();
        var initializers = new List<string>();
        for (int i = 0; i < model.Properties.Count; i++)
        {
            JsonPropertyModel property = model.Properties[i];
            if (property.Assignment != PropertyAssignment.Initializer)
            {
                continue;
            }

            string member = Naming.Identifier(property.Name);
            if (KeepsConstructedValue(property))
            {
                present.Add(locals.Has(i));
                initializers.Add($"{member} = {locals.Has(i)} ? {locals.Value(i)} : __defaults.{member},");
            }
            else
            {
                initializers.Add($"{member} = {locals.Value(i)},");
                if (property.IsRequired)
                {
                    required.Add($"{member} = {locals.Value(i)},");
                }
            }
        }

        if (present.Count > 0)
        {
            // Init-only members can only be assigned while the object is created, so a member missing from the JSON
            // gets the value a second instance was created with: its initializer or what the constructor set. That
            // instance is made only when a member is missing (required members are present by now).
            WriteCreation(w, $"var __defaults = {string.Join(" && ", present)} ? default({model.TypeName}) : {construct}", required);
        }

        WriteCreation(w, "var __result = " + construct, initializers);
        for (int i = 0; i < model.Properties.Count; i++)
        {
            if (model.Properties[i].Assignment == PropertyAssignment.Setter)
            {
                // Only members that were present: a missing member keeps the value the constructor gave it.
                w.Open($"if ({locals.Has(i)})");
                w.Line($"__result.{Naming.Identifier(model.Properties[i].Name)} = {locals.Value(i)};");
                w.Close();
            }
        }
    }

    private static void WriteCreation(SourceWriter w, string creation, List<string> initializers)
    {
        if (initializers.Count == 0)
        {
            w.Line(creation + ";");
            return;
        }

        w.Line(creation);
        w.Open();
        foreach (string initializer in initializers)
        {
            w.Line(initializer);
        }

        w.Close(";");
    }
}
