namespace OciRaw.Cli.Json;

/// <summary>The JSON types, in the order JMESPath's sort_by and comparisons need to tell them apart.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
