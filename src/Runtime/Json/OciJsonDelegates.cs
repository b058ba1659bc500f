using System.Text.Json;

namespace OciRaw;

/// <summary>Reads one value with a generated deserializer; the reader is on the value's first token.</summary>
public delegate T OciJsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value with a generated serializer.</summary>
public delegate void OciJsonWriteAction<in T>(Utf8JsonWriter writer, T value);
