namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>GetObject's answer: the headers, and the content as a stream that holds the connection until disposed.</summary>
public sealed class GetObjectResult : HeadObjectResult, IDisposable
{
    /// <summary><c>bytes start-end/length</c> when a range was asked for.</summary>
    [OciHeader("content-range")] public string? ContentRange { get; init; }

    [OciBody] public Stream Content { get; init; } = Stream.Null;

    public void Dispose() => Content.Dispose();
}
