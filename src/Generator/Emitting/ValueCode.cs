using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Writes the statements that read one JSON value into a variable and that write one value, for every
/// <see cref="TypeShape"/>. Generated code names its reader <c>reader</c> and its writer <c>writer</c>; locals are named
/// after their role and nesting level (<see cref="EmittedNames.Nested"/>) so nested collections never clash.
/// </summary>
internal static class ValueCode
{
    /// <summary>What a reader adds to the JSON path of an error: <c>.name</c>, <c>[3]</c> or <c>['key']</c>.</summary>
    public enum PathSegment
    {
        Property,
        Index,
        Key,
    }

    /// <summary>Reads the value the reader is on into <paramref name="target"/>; JSON null gives null where the type allows it.</summary>
    public static void Read(SourceWriter w, TypeShape shape, string target, int depth)
    {
        if (shape.CanBeNull && SingleRead(w.Names, shape.NonNullable) is { } read)
        {
            // One line for what most members are (a nullable scalar, enum or object) rather than an if/else of eight:
            // generated serializers are most of what a large project compiles. A nullable value type needs its
            // default spelled out, or the conditional would take the non-nullable type and read null as 0.
            string @default = shape.IsNullableValueType ? $"default({shape.DeclaredName})" : "default";
            w.Line($"{target} = reader.TokenType == {w.Names.Json}.JsonTokenType.Null ? {@default} : {read};");
            return;
        }

        if (shape.CanBeNull)
        {
            w.Open($"if (reader.TokenType == {w.Names.Json}.JsonTokenType.Null)");
            w.Line($"{target} = default;");
            w.Close();
            w.Open("else");
            ReadNonNull(w, shape.NonNullable, target, depth);
            w.Close();
            return;
        }

        ReadNonNull(w, shape, target, depth);
    }

    /// <summary>Writes <paramref name="value"/>, writing JSON null when it is null.</summary>
    public static void WriteNullable(SourceWriter w, TypeShape shape, string value, int depth)
    {
        if (shape.IsNullableValueType)
        {
            // A nullable value type is never a collection: nothing nested can reuse this level's names.
            string nonNull = EmittedNames.Nested("nonNull", depth);
            w.Open($"if ({value} is {{ }} {nonNull})");
            Write(w, shape.NonNullable, nonNull, depth);
            w.Close();
            w.Line("else");
            w.Indent().Line("writer.WriteNullValue();").Outdent();
        }
        else if (shape.CanBeNull)
        {
            w.Open($"if ({value} is null)");
            w.Line("writer.WriteNullValue();");
            w.Close();
            w.Open("else");
            Write(w, shape, value, depth);
            w.Close();
        }
        else
        {
            Write(w, shape, value, depth);
        }
    }

    /// <summary>Writes a value known not to be null.</summary>
    public static void Write(SourceWriter w, TypeShape shape, string value, int depth)
    {
        switch (shape.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.DateTimeOffset:
            case ShapeKind.DateTime:
            case ShapeKind.Guid:
                w.Line($"writer.WriteStringValue({value});");
                break;
            case ShapeKind.DateOnly:
                w.Line($"writer.WriteStringValue({w.Names.Format}.Format({value}));");
                break;
            case ShapeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({value});");
                break;
            case ShapeKind.Bytes:
                w.Line($"writer.WriteBase64StringValue({value});");
                break;
            case ShapeKind.JsonElement:
                w.Line($"{value}.WriteTo(writer);");
                break;
            case ShapeKind.Enum:
            case ShapeKind.Object:
                w.Line($"{shape.SerializerName}.Write(writer, {value});");
                break;
            case ShapeKind.Array:
            case ShapeKind.List:
                w.Line("writer.WriteStartArray();");
                string item = EmittedNames.Nested("item", depth);
                w.Open($"foreach (var {item} in {value})");
                WriteNullable(w, shape.Element!, item, depth + 1);
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case ShapeKind.Dictionary:
                w.Line("writer.WriteStartObject();");
                string pair = EmittedNames.Nested("pair", depth);
                w.Open($"foreach (var {pair} in {value})");
                w.Line($"writer.WritePropertyName({pair}.Key);");
                WriteNullable(w, shape.Element!, $"{pair}.Value", depth + 1);
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
            default:
                w.Line($"writer.WriteNumberValue({value});");
                break;
        }
    }

    /// <summary>Writes one object member; scalars use the writer's combined name+value calls.</summary>
    public static void WriteMember(SourceWriter w, TypeShape shape, string jsonName, string value, int depth)
    {
        string name = Naming.Literal(jsonName) + "u8";
        switch (shape.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.DateTimeOffset:
            case ShapeKind.DateTime:
            case ShapeKind.Guid:
                w.Line($"writer.WriteString({name}, {value});");
                return;
            case ShapeKind.DateOnly:
                w.Line($"writer.WriteString({name}, {w.Names.Format}.Format({value}));");
                return;
            case ShapeKind.Boolean:
                w.Line($"writer.WriteBoolean({name}, {value});");
                return;
            case ShapeKind.Bytes:
                w.Line($"writer.WriteBase64String({name}, {value});");
                return;
            case ShapeKind.Byte:
            case ShapeKind.SByte:
            case ShapeKind.Int16:
            case ShapeKind.UInt16:
            case ShapeKind.Int32:
            case ShapeKind.UInt32:
            case ShapeKind.Int64:
            case ShapeKind.UInt64:
            case ShapeKind.Single:
            case ShapeKind.Double:
            case ShapeKind.Decimal:
                w.Line($"writer.WriteNumber({name}, {value});");
                return;
            default:
                w.Line($"writer.WritePropertyName({name});");
                Write(w, shape, value, depth);
                return;
        }
    }

    private static void ReadNonNull(SourceWriter w, TypeShape shape, string target, int depth)
    {
        if (SingleRead(w.Names, shape) is { } read)
        {
            w.Line($"{target} = {read};");
        }
        else if (shape.Kind == ShapeKind.Dictionary)
        {
            ReadDictionary(w, shape, target, depth);
        }
        else
        {
            ReadCollection(w, shape, target, depth);
        }
    }

    /// <summary>
    /// The expression that reads a non-null <paramref name="shape"/>, or null for a collection the runtime's readers
    /// cannot take, which is read by statements.
    /// </summary>
    private static string? SingleRead(RuntimeNames names, TypeShape shape) => shape.Kind switch
    {
        ShapeKind.Array or ShapeKind.List or ShapeKind.Dictionary => CollectionRead(names, shape),
        ShapeKind.Enum or ShapeKind.Object => $"{shape.SerializerName}.Read(ref reader)",
        _ => $"{names.Reader}.{ScalarReader(shape.Kind)}(ref reader)",
    };

    /// <summary>
    /// A collection read by <c>OciJsonReader.ReadList</c> or <c>ReadDictionary</c>, with its items' reader as a method
    /// group (a nested collection as a static lambda): one expression instead of a loop of some twenty lines, on what
    /// nearly every OCI model has (<c>freeformTags</c>, <c>definedTags</c>, lists). Null when an item is a nullable
    /// value type, whose reader returns the non-nullable type: that collection is read by statements.
    /// </summary>
    private static string? CollectionRead(RuntimeNames names, TypeShape shape)
    {
        TypeShape item = shape.Element!;
        if (item.IsNullableValueType || ItemReader(names, item) is not { } readItem)
        {
            return null;
        }

        string nullItems = item.CanBeNull ? "true" : "false";
        string display = Naming.Literal(shape.DisplayName);
        return shape.Kind == ShapeKind.Dictionary
            ? $"{names.Reader}.ReadDictionary<{item.DeclaredName}>(ref reader, {readItem}, {nullItems}, {display})"
            : $"{names.Reader}.ReadList<{item.DeclaredName}>(ref reader, {readItem}, {nullItems}, {display})" + (shape.Kind == ShapeKind.Array ? ".ToArray()" : string.Empty);
    }

    /// <summary>A delegate that reads one non-null item of <paramref name="item"/>'s shape, or null when there is none.</summary>
    private static string? ItemReader(RuntimeNames names, TypeShape item) => item.Kind switch
    {
        ShapeKind.Array or ShapeKind.List or ShapeKind.Dictionary => CollectionRead(names, item) is { } nested
            ? $"static (ref {names.Json}.Utf8JsonReader reader) => {nested}"
            : null,
        ShapeKind.Enum or ShapeKind.Object => $"{item.SerializerName}.Read",
        _ => $"{names.Reader}.{ScalarReader(item.Kind)}",
    };

    /// <summary>
    /// Opens <c>try { while (...) {</c> over the members of a JSON object, the loop's body on each member's name; the
    /// caller reads one member, closes both blocks and writes the <c>catch</c>.
    /// </summary>
    public static void OpenPropertyLoop(SourceWriter w, string display) => OpenLoop(w, "NextProperty", display);

    /// <summary>As <see cref="OpenPropertyLoop"/>, over the items of a JSON array.</summary>
    public static void OpenItemLoop(SourceWriter w, string display) => OpenLoop(w, "NextItem", display);

    private static void OpenLoop(SourceWriter w, string next, string display)
    {
        w.Open("try");
        w.Open($"while ({w.Names.Reader}.{next}(ref reader, {display}))");
    }

    /// <summary>
    /// Closes a reader's <c>try</c> with the two clauses every reader shares. An <c>OciJsonException</c> from a nested
    /// reader gets this level's path segment and goes on with <c>throw;</c>, so its stack trace still ends where the
    /// bad token was read. A low-level error met at this level (a malformed token, a number out of range) becomes the
    /// <c>OciJsonException</c> here, with the original kept as its inner exception.
    /// </summary>
    public static void CatchReadErrors(SourceWriter w, string exception, PathSegment segment, string segmentValue, string display)
    {
        RuntimeNames names = w.Names;
        w.Line($"catch ({names.JsonException} {exception})");
        w.Open();
        w.Line($"{names.Errors}.Add{segment}({exception}, {segmentValue});");
        w.Line("throw;");
        w.Close();
        w.Line($"catch (global::System.Exception {exception}) when ({names.Errors}.IsReadError({exception}))");
        w.Open();
        w.Line($"throw {names.Errors}.At{segment}({exception}, {segmentValue}, {display});");
        w.Close();
    }

    private static void ReadCollection(SourceWriter w, TypeShape shape, string target, int depth)
    {
        string display = Naming.Literal(shape.DisplayName);
        string list = EmittedNames.Nested("list", depth);
        string item = EmittedNames.Nested("item", depth);
        w.Line($"{w.Names.Reader}.ExpectStartArray(ref reader, {display});");
        w.Line($"var {list} = new global::System.Collections.Generic.List<{shape.Element!.DeclaredName}>();");
        OpenItemLoop(w, display);
        w.Line($"{shape.Element.DeclaredName} {item};");
        Read(w, shape.Element, item, depth + 1);
        w.Line($"{list}.Add({item});");
        w.Close();
        w.Close();
        CatchReadErrors(w, EmittedNames.Nested("error", depth), PathSegment.Index, $"{list}.Count", display);
        w.Line();
        w.Line(shape.Kind == ShapeKind.Array ? $"{target} = {list}.ToArray();" : $"{target} = {list};");
    }

    private static void ReadDictionary(SourceWriter w, TypeShape shape, string target, int depth)
    {
        string display = Naming.Literal(shape.DisplayName);
        string map = EmittedNames.Nested("map", depth);
        string key = EmittedNames.Nested("key", depth);
        string value = EmittedNames.Nested("value", depth);
        w.Line($"{w.Names.Reader}.ExpectStartObject(ref reader, {display});");
        w.Line($"var {map} = new global::System.Collections.Generic.Dictionary<string, {shape.Element!.DeclaredName}>();");
        w.Line($"string {key} = null;");
        OpenPropertyLoop(w, display);
        w.Line($"{key} = reader.GetString();");
        w.Line($"{w.Names.Reader}.Next(ref reader, {display});");
        w.Line($"{shape.Element.DeclaredName} {value};");
        Read(w, shape.Element, value, depth + 1);
        w.Line($"{map}[{key}] = {value};");
        w.Line($"{key} = null;");
        w.Close();
        w.Close();
        CatchReadErrors(w, EmittedNames.Nested("error", depth), PathSegment.Key, key, display);
        w.Line();
        w.Line($"{target} = {map};");
    }

    private static string ScalarReader(ShapeKind kind) => kind switch
    {
        ShapeKind.String => "ReadString",
        ShapeKind.Boolean => "ReadBoolean",
        ShapeKind.Byte => "ReadByte",
        ShapeKind.SByte => "ReadSByte",
        ShapeKind.Int16 => "ReadInt16",
        ShapeKind.UInt16 => "ReadUInt16",
        ShapeKind.Int32 => "ReadInt32",
        ShapeKind.UInt32 => "ReadUInt32",
        ShapeKind.Int64 => "ReadInt64",
        ShapeKind.UInt64 => "ReadUInt64",
        ShapeKind.Single => "ReadSingle",
        ShapeKind.Double => "ReadDouble",
        ShapeKind.Decimal => "ReadDecimal",
        ShapeKind.DateTimeOffset => "ReadDateTimeOffset",
        ShapeKind.DateTime => "ReadDateTime",
        ShapeKind.DateOnly => "ReadDateOnly",
        ShapeKind.Guid => "ReadGuid",
        ShapeKind.Bytes => "ReadBytes",
        _ => "ReadJsonElement",
    };
}
