using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Writes the statement that reads one JSON value into a variable, and the statements that write one value, for every
/// <see cref="TypeShape"/>. Generated code names its reader <c>reader</c> and its writer <c>writer</c>; the write side's
/// locals are named after their role and nesting level (<see cref="EmittedNames.Nested"/>) so nested collections never
/// clash. Collections are read by the runtime (<c>OciJsonReader.ReadList</c> and <c>ReadDictionary</c>), which puts
/// the index or key of a failure in its JSON path.
/// </summary>
internal static class ValueCode
{
    /// <summary>Reads the value the reader is on into <paramref name="target"/>; JSON null gives null where the type allows it.</summary>
    public static void Read(SourceWriter w, TypeShape shape, string target)
    {
        if (!shape.CanBeNull)
        {
            w.Line($"{target} = {ReadExpression(w.Names, shape)};");
            return;
        }

        // One line rather than an if/else of eight: generated serializers are most of what a large project compiles.
        // A nullable value type needs its default spelled out, or the conditional would take the non-nullable type and
        // read null as 0.
        string @default = shape.IsNullableValueType ? $"default({shape.DeclaredName})" : "default";
        w.Line($"{target} = reader.TokenType == {w.Names.Json}.JsonTokenType.Null ? {@default} : {ReadExpression(w.Names, shape.NonNullable)};");
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

    /// <summary>The expression that reads a non-null <paramref name="shape"/>.</summary>
    private static string ReadExpression(RuntimeNames names, TypeShape shape) =>
        IsCollection(shape) ? CollectionRead(names, shape) : $"{ReaderMethod(names, shape)}(ref reader)";

    /// <summary>
    /// A collection read by <c>OciJsonReader.ReadList</c> or <c>ReadDictionary</c>, given its items' reader: one
    /// expression instead of a loop of some twenty lines, on what nearly every OCI model has (<c>freeformTags</c>,
    /// <c>definedTags</c>, lists).
    /// </summary>
    private static string CollectionRead(RuntimeNames names, TypeShape shape)
    {
        TypeShape item = shape.Element!;
        string nullItems = item.CanBeNull ? "true" : "false";
        string display = Naming.Literal(shape.DisplayName);
        return shape.Kind == ShapeKind.Dictionary
            ? $"{names.Reader}.ReadDictionary<{item.DeclaredName}>(ref reader, {ItemReader(names, item)}, {nullItems}, {display})"
            : $"{names.Reader}.ReadList<{item.DeclaredName}>(ref reader, {ItemReader(names, item)}, {nullItems}, {display})" + (shape.Kind == ShapeKind.Array ? ".ToArray()" : string.Empty);
    }

    /// <summary>
    /// A delegate that reads one non-null item: the reading method itself where it returns the item type, otherwise a
    /// static lambda (a nested collection, or a nullable value type, whose reader returns the non-nullable type).
    /// </summary>
    private static string ItemReader(RuntimeNames names, TypeShape item)
    {
        string lambda = $"static (ref {names.Json}.Utf8JsonReader reader) => ";
        return item.IsNullableValueType ? $"{lambda}({item.DeclaredName}){ReadExpression(names, item.NonNullable)}"
            : IsCollection(item) ? lambda + CollectionRead(names, item)
            : ReaderMethod(names, item);
    }

    /// <summary>The method that reads a non-null scalar, enum or object: <c>OciJsonReader.ReadString</c>, <c>User_Json.Read</c>.</summary>
    private static string ReaderMethod(RuntimeNames names, TypeShape shape) =>
        shape.Kind is ShapeKind.Enum or ShapeKind.Object ? $"{shape.SerializerName}.Read" : $"{names.Reader}.{ScalarReader(shape.Kind)}";

    private static bool IsCollection(TypeShape shape) => shape.Kind is ShapeKind.Array or ShapeKind.List or ShapeKind.Dictionary;

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
