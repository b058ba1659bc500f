using System.ComponentModel;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>Writes one value with a generated serializer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void OciJsonWriteAction<in T>(Utf8JsonWriter writer, T value);
