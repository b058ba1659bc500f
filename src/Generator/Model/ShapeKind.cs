namespace OciRaw.Generator.Model;

/// <summary>The JSON shapes OciRaw can (de)serialize.</summary>
internal enum ShapeKind
{
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    DateTime,
    DateOnly,
    Guid,
    Bytes,
    JsonElement,
    Enum,
    Object,
    Array,
    List,
    Dictionary,
}
