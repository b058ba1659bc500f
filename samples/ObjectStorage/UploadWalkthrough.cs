using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using OciRaw.Samples.ObjectStorage.Models;

namespace OciRaw.Samples.ObjectStorage;

/// <summary>
/// The data plane end to end: create a bucket, generate a file, upload it in parallel parts, list the bucket,
/// download the object as a stream and compare SHA-256, read its metadata with HEAD, delete everything. Memory stays
/// at parallelism × part size for any file size: the file is written and read in 1 MiB blocks, parts go from a
/// buffer per worker, and the download is hashed as it streams. Everything it creates, it deletes, also on failure.
/// </summary>
public sealed class UploadWalkthrough(IObjectStorage client, string compartmentId, TextWriter output, UploadSettings settings)
{
    private const int BlockSize = 1024 * 1024;
    private const string ContentType = "application/octet-stream";

    private readonly string _name = "ociraw-sample-" + Guid.NewGuid().ToString("N")[..8];
    private string? _namespace;
    private string? _bucket;
    private string? _objectName;
    private string? _file;

    /// <summary>The upload's measurement, once it is done.</summary>
    public UploadMeasurement? Measurement { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            _namespace = await client.GetNamespaceAsync(cancellationToken);
            Step(1, "Create a bucket");
            OciResponse<Bucket> bucket = await client.CreateBucketAsync(_namespace,
                new CreateBucketDetails(_name, compartmentId) { FreeformTags = new() { ["sample"] = "ociraw" } }, cancellationToken);
            _bucket = bucket.Data.Name;
            Line($"namespace {_namespace}, bucket {_bucket}, etag {bucket.ETag}, opc-request-id {bucket.OpcRequestId}");

            Step(2, $"Generate a file of {Mib(settings.Size)} MiB");
            byte[] sha256 = await GenerateFileAsync(cancellationToken);
            Line($"{_file}: SHA-256 {Convert.ToHexStringLower(sha256)}");

            CommitMultipartUploadResult committed = await UploadAsync(cancellationToken);
            await ListAsync(cancellationToken);
            await DownloadAsync(sha256, cancellationToken);
            await HeadAsync(committed, cancellationToken);

            Step(7, "Delete the object and the bucket");
            await client.DeleteObjectAsync(_namespace, _bucket, _objectName!, committed.ETag, cancellationToken);
            _objectName = null;
            await client.DeleteBucketAsync(_namespace, _bucket, bucket.ETag, cancellationToken);
            _bucket = null;
            Line("deleted");

            UploadMeasurement m = Measurement!;
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Upload: {Mib(m.Bytes)} MiB in {m.Parts} parts ({settings.Parallelism} at a time) in {m.Elapsed.TotalSeconds:F2} s = {m.MibPerSecond:F1} MiB/s; peak working set {Mib(PeakWorkingSet())} MiB"));
            output.WriteLine("Done: the object came back byte for byte, and everything was deleted.");
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    private async Task<byte[]> GenerateFileAsync(CancellationToken cancellationToken)
    {
        _file = Path.Combine(settings.TempDirectory ?? Path.GetTempPath(), _name + ".bin");
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] block = new byte[BlockSize];
        await using var stream = new FileStream(_file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        stream.SetLength(settings.Size);
        for (long left = settings.Size; left > 0; left -= block.Length)
        {
            Memory<byte> chunk = block.AsMemory(0, (int)Math.Min(block.Length, left));
            Random.Shared.NextBytes(chunk.Span);
            sha256.AppendData(chunk.Span);
            await stream.WriteAsync(chunk, cancellationToken);
        }

        return sha256.GetHashAndReset();
    }

    private async Task<CommitMultipartUploadResult> UploadAsync(CancellationToken cancellationToken)
    {
        int parts = (int)Math.Max(1, (settings.Size + settings.PartSize - 1) / settings.PartSize);
        Step(3, $"Upload it in {parts} parts of {Mib(settings.PartSize)} MiB, {settings.Parallelism} at a time, each with its content-md5");
        string objectName = "data/" + _name + ".bin";
        var progress = new ProgressLine(output, settings.ProgressInPlace, settings.Size, parts);
        var uploader = new MultipartFileUploader(client, _namespace!, _bucket!, settings.PartSize, settings.Parallelism);
        var details = new CreateMultipartUploadDetails(objectName)
        {
            ContentType = ContentType,
            Metadata = new() { ["opc-meta-generator"] = "ociraw-sample", ["opc-meta-size"] = settings.Size.ToString(CultureInfo.InvariantCulture) },
        };
        long started = Stopwatch.GetTimestamp();
        CommitMultipartUploadResult committed;
        try
        {
            committed = await uploader.UploadAsync(_file!, details, progress.PartDone, cancellationToken);
        }
        finally
        {
            progress.Finish();
        }

        _objectName = objectName; // committed: from here on, cleaning up deletes it
        Measurement = new UploadMeasurement(settings.Size, parts, Stopwatch.GetElapsedTime(started));
        Line($"committed {_objectName}: etag {committed.ETag}, opc-multipart-md5 {committed.OpcMultipartMd5} (matches the parts' MD5s)");
        return committed;
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Step(4, "List the bucket");
        ListObjects page = await client.ListObjectsAsync(_namespace!, _bucket!, prefix: "data/",
            fields: [ObjectField.Name, ObjectField.Size, ObjectField.Md5, ObjectField.TimeCreated], cancellationToken: cancellationToken);
        foreach (ObjectSummary listed in page.Objects)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"{listed.Name}  {listed.Size} bytes  md5 {listed.Md5}  created {listed.TimeCreated:u}"));
        }

        Expect(page.Objects.Count == 1 && page.Objects[0].Name == _objectName && page.Objects[0].Size == settings.Size, "the bucket must list the uploaded object with its size");
    }

    private async Task DownloadAsync(byte[] expectedSha256, CancellationToken cancellationToken)
    {
        Step(5, "Download it as a stream and compare SHA-256");
        long started = Stopwatch.GetTimestamp();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        using (GetObjectResult got = await client.GetObjectAsync(_namespace!, _bucket!, _objectName!, cancellationToken: cancellationToken))
        {
            byte[] block = new byte[BlockSize];
            int read;
            while ((read = await got.Content.ReadAsync(block, cancellationToken)) > 0)
            {
                sha256.AppendData(block, 0, read);
                received += read;
            }
        }

        byte[] actual = sha256.GetHashAndReset();
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Line(string.Create(CultureInfo.InvariantCulture, $"{received} bytes in {seconds:F2} s ({received / (double)SampleOptions.MiB / Math.Max(seconds, 1e-6):F1} MiB/s), SHA-256 {Convert.ToHexStringLower(actual)}"));
        Expect(received == settings.Size && actual.AsSpan().SequenceEqual(expectedSha256), "the downloaded object must have the uploaded file's SHA-256");
        Line("same SHA-256 as the generated file: yes");
    }

    private async Task HeadAsync(CommitMultipartUploadResult committed, CancellationToken cancellationToken)
    {
        Step(6, "Read its metadata with HEAD");
        HeadObjectResult head = await client.HeadObjectAsync(_namespace!, _bucket!, _objectName!, cancellationToken);
        Line(string.Create(CultureInfo.InvariantCulture, $"content-length {head.ContentLength}, content-type {head.ContentType}, etag {head.ETag}, opc-multipart-md5 {head.OpcMultipartMd5}"));
        Line("opc-meta-*: " + string.Join(", ", head.OpcMeta.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "=" + m.Value)));
        Expect(head.ContentLength == settings.Size && head.ETag == committed.ETag && head.OpcMultipartMd5 == committed.OpcMultipartMd5
            && head.OpcMeta.GetValueOrDefault("generator") == "ociraw-sample", "HEAD must show the committed object and its metadata");
    }

    /// <summary>Deletes whatever a failed run left: the object, the bucket and the generated file.</summary>
    private async Task CleanUpAsync()
    {
        if (_file is not null)
        {
            File.Delete(_file);
        }

        try
        {
            if (_objectName is not null && _bucket is not null)
            {
                await client.DeleteObjectAsync(_namespace!, _bucket, _objectName);
            }

            if (_bucket is not null)
            {
                await client.DeleteBucketAsync(_namespace!, _bucket);
            }
        }
        catch (Exception e) when (e is OciException or HttpRequestException)
        {
            output.WriteLine($"   could not delete bucket {_bucket}: {e.Message}");
        }
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private void Step(int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"{number}. {title}");
    }

    private void Line(string text) => output.WriteLine("   " + text);

    private static string Mib(long bytes) => (bytes / (double)SampleOptions.MiB).ToString("0.#", CultureInfo.InvariantCulture);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Sample check failed: " + what);
        }
    }
}
