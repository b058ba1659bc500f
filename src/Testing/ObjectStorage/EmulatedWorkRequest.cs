using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// An Object Storage work request (CopyObject). OCI's copies take a while; the emulator's copy is done when it is
/// accepted, but the work request still moves through the states a client must poll through: the first
/// GetWorkRequest sees IN_PROGRESS, every later one COMPLETED.
/// </summary>
internal sealed class EmulatedWorkRequest(string compartmentId, string entityUri, DateTimeOffset timeAccepted)
{
    private readonly object _gate = new();
    private int _polls;
    private DateTimeOffset? _timeStarted;
    private DateTimeOffset? _timeFinished;

    public string Id { get; } = Ocids.New("objectstorageworkrequest");

    public string CompartmentId { get; } = compartmentId;

    /// <summary>Records one poll at <paramref name="now"/> and writes the state the client sees.</summary>
    public void Poll(Utf8JsonWriter writer, DateTimeOffset now)
    {
        bool completed;
        DateTimeOffset? started, finished;
        lock (_gate)
        {
            _polls++;
            _timeStarted ??= now;
            if (_polls > 1)
            {
                _timeFinished ??= now;
            }

            completed = _timeFinished is not null;
            started = _timeStarted;
            finished = _timeFinished;
        }

        writer.WriteStartObject();
        writer.WriteString("operationType", "COPY_OBJECT");
        writer.WriteString("status", completed ? "COMPLETED" : "IN_PROGRESS");
        writer.WriteString("id", Id);
        writer.WriteString("compartmentId", CompartmentId);
        writer.WriteStartArray("resources");
        writer.WriteStartObject();
        writer.WriteString("actionType", completed ? "WRITTEN" : "IN_PROGRESS");
        writer.WriteString("entityType", "object");
        writer.WriteString("identifier", entityUri[(entityUri.LastIndexOf("/o/", StringComparison.Ordinal) + 3)..]);
        writer.WriteString("entityUri", entityUri);
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("percentComplete", completed ? 100f : 0f);
        writer.WriteString("timeAccepted", ObjectStorageJson.Time(timeAccepted));
        writer.WriteString("timeStarted", ObjectStorageJson.Time(started!.Value));
        if (finished is { } done)
        {
            writer.WriteString("timeFinished", ObjectStorageJson.Time(done));
        }
        else
        {
            writer.WriteNull("timeFinished");
        }

        writer.WriteEndObject();
    }
}
