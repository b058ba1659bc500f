using System.ComponentModel;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>Reads one value with a generated deserializer; the reader is on the value's first token.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T OciJsonReadFunc<out T>(ref Utf8JsonReader reader);
