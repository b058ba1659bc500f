using System.Buffers;
using System.Text.Json;
using OciRaw.Infrastructure;
using OciRaw.Generated;
using Refit;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// Everything both modes share: the DTOs and their canned JSON, one <see cref="InMemoryHandler"/> behind the three clients,
/// one call per client and operation, and the JSON-only page read/write of both serializers. The constructor checks that
/// the three clients send and receive the same bytes and that both serializers write identical JSON.
/// </summary>
internal sealed class ClientFixture : IDisposable
{
    public const string UserId = "ocid1.user.oc1..aaaaaaaat5nvwcna5j6aqzjcaty5eqbb6qt2jvpkanghtgdaqedqw3rynjq";
    public const string CompartmentId = "ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq";
    public const int PageSize = 100;
    internal static readonly Uri Endpoint = new("https://identity.us-ashburn-1.oci.oraclecloud.com");

    private static readonly Dictionary<string, Dictionary<string, JsonElement>> DefinedTags = JsonSerializer.Deserialize(
        """{"Operations":{"CostCenter":"42","Environment":"production"},"Finance":{"Budget":1200.5,"Approved":true}}""",
        BenchJsonContext.Default.DictionaryStringDictionaryStringJsonElement)!;

    private readonly InMemoryHandler _handler;
    private readonly HttpClient[] _httpClients;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public ClientFixture()
    {
        Page = [.. Enumerable.Range(0, PageSize).Select(MakeUser)];
        Details = MakeDetails(bodyBytes: 1024);
        PageJson = JsonSerializer.SerializeToUtf8Bytes(Page, BenchJsonContext.Default.ListUser);
        byte[] userJson = JsonSerializer.SerializeToUtf8Bytes(Page[0], BenchJsonContext.Default.User);
        _handler = new InMemoryHandler(userJson, PageJson);
        // The production pipeline of the generated Create(signer, region): retry handler on, telemetry with no
        // listener, User-Agent; signing off (null signer), so the rows compare the pipeline, not RSA.
        HttpClient pipeline = OciServicePipeline.CreateHttpClient(null, Endpoint,
            new OciClientOptions { InnerHandler = _handler, Retry = new OciRetryOptions { Enabled = true } });
        _httpClients = [NewHttpClient(), NewHttpClient(), NewHttpClient(), NewHttpClient(), pipeline];
        Generated = IOciRawUsers.Create(_httpClients[0]);
        GeneratedPipeline = IOciRawUsers.Create(pipeline);
        GeneratedPages = IOciRawUserPages.Create(_httpClients[1]);
        Refit = RestService.ForGenerated<IRefitUsers>(_httpClients[2], BenchJsonContext.Default);
        HandWritten = new HandWrittenUsersClient(_httpClients[3]);
        _writer = new Utf8JsonWriter(_buffer);
        Check();
    }

    public IOciRawUsers Generated { get; }

    /// <summary>The generated client over the full default pipeline (retry, telemetry, user agent; no signing).</summary>
    public IOciRawUsers GeneratedPipeline { get; }

    public IOciRawUserPages GeneratedPages { get; }

    public IRefitUsers Refit { get; }

    public HandWrittenUsersClient HandWritten { get; }

    /// <summary>The 100 users of a list page.</summary>
    public List<User> Page { get; }

    /// <summary>The page as JSON (~70 KB); also the handler's canned list response.</summary>
    public byte[] PageJson { get; }

    /// <summary>The POST body: serializes to exactly 1,024 bytes.</summary>
    public CreateUserDetails Details { get; }

    /// <summary>The bytes the last JSON write produced.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    // JSON only: the generated serializer of User, used the way the generated client uses it for a List<User> body.
    public List<User> GeneratedReadPage() => OciClientRuntime.Deserialize(PageJson, ReadPage);

    public List<User> StjReadPage() => JsonSerializer.Deserialize(PageJson, BenchJsonContext.Default.ListUser)!;

    public void GeneratedWritePage()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        foreach (User user in Page)
        {
            OciRaw_Client_Benchmarks_User_Json.Write(_writer, user);
        }

        _writer.WriteEndArray();
        _writer.Flush();
    }

    public void StjWritePage()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, Page, BenchJsonContext.Default.ListUser);
    }

    public void Dispose()
    {
        foreach (HttpClient client in _httpClients)
        {
            client.Dispose();
        }

        _handler.Dispose();
        _writer.Dispose();
    }

    /// <summary>The array loop of the generated client's List&lt;User&gt; reader, over the generated User reader.</summary>
    private static List<User> ReadPage(ref Utf8JsonReader reader)
    {
        OciJsonReader.ExpectStartArray(ref reader, "List<User>");
        var list = new List<User>();
        while (true)
        {
            OciJsonReader.Next(ref reader, "List<User>");
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(OciRaw_Client_Benchmarks_User_Json.Read(ref reader));
        }
    }

    /// <summary>A client on the shared in-memory handler; the caller disposes it.</summary>
    /// <summary>The in-memory handler every client sends through (owned by this fixture).</summary>
    internal InMemoryHandler Handler => _handler;

    public HttpClient NewHttpClient() => new(_handler, disposeHandler: false) { BaseAddress = Endpoint };

    private static User MakeUser(int index) => new()
    {
        Id = $"ocid1.user.oc1..aaaaaaaa{index:D4}vwcna5j6aqzjcaty5eqbb6qt2jvpkanghtgdaqedqw3rynjq",
        CompartmentId = CompartmentId,
        Name = $"user{index:D4}@example.com",
        Description = $"Service account {index} for the nightly export jobs",
        Email = $"user{index:D4}@example.com",
        EmailVerified = index % 3 != 0,
        TimeCreated = new DateTimeOffset(2024, 5, 1, 12, 30, 15, 123, TimeSpan.Zero).AddMinutes(index),
        LifecycleState = index % 10 == 0 ? LifecycleState.Inactive : LifecycleState.Active,
        IsMfaActivated = index % 2 == 0,
        LastSuccessfulLoginTime = new DateTimeOffset(2025, 1, 15, 8, 0, 0, TimeSpan.Zero).AddHours(index),
        FreeformTags = new() { ["team"] = "platform", ["owner"] = $"owner{index % 7}" },
        DefinedTags = DefinedTags,
    };

    private static CreateUserDetails MakeDetails(int bodyBytes)
    {
        var details = new CreateUserDetails
        {
            CompartmentId = CompartmentId,
            Name = "build-agent@example.com",
            Email = "build-agent@example.com",
            FreeformTags = new() { ["team"] = "platform", ["purpose"] = "ci" },
            DefinedTags = DefinedTags,
        };
        int withoutDescription = JsonSerializer.SerializeToUtf8Bytes(details, BenchJsonContext.Default.CreateUserDetails).Length;
        details.Description = string.Concat(Enumerable.Repeat("Runs the nightly build and export. ", 40))[..(bodyBytes - withoutDescription)];
        return details;
    }

    private void Check()
    {
        // Both serializers must write the same bytes, or the JSON rows would not compare like with like.
        GeneratedWritePage();
        byte[] generated = Written.ToArray();
        StjWritePage();
        Require(Written.SequenceEqual(PageJson) && generated.AsSpan().SequenceEqual(PageJson), "the generated writer and System.Text.Json write different page JSON");
        Require(GeneratedReadPage() is { Count: PageSize } read && read[^1].Name == Page[^1].Name && read[^1].DefinedTags!["Finance"]["Approved"].GetBoolean(),
            "the generated reader did not read the page back");

        // Every client must send the same 1 KB body and get the same answers.
        byte[]? body = null;
        foreach ((string name, Func<Task<User>> post) in new (string, Func<Task<User>>)[]
        {
            ("generated", () => Generated.CreateUserAsync(Details)),
            ("generated pipeline", () => GeneratedPipeline.CreateUserAsync(Details)),
            ("Refit", () => Refit.CreateUserAsync(Details)),
            ("hand-written", () => HandWritten.CreateUserAsync(Details)),
        })
        {
            Require(post().GetAwaiter().GetResult().Id == Page[0].Id, $"the {name} POST did not read the user");
            Require(_handler.LastRequestBody.Length == 1024, $"the {name} POST body is {_handler.LastRequestBody.Length} bytes, not 1024");
            Require(body is null || _handler.LastRequestBody.SequenceEqual(body), $"the {name} POST body differs from the generated client's");
            body ??= _handler.LastRequestBody.ToArray();
        }

        Require(Generated.GetUserAsync(UserId).GetAwaiter().GetResult().TimeCreated == Page[0].TimeCreated, "generated GET");
        Require(GeneratedPipeline.GetUserAsync(UserId).GetAwaiter().GetResult().TimeCreated == Page[0].TimeCreated, "generated pipeline GET");
        Require(GeneratedPipeline.ListUsersAsync(CompartmentId, PageSize).GetAwaiter().GetResult().Count == PageSize, "generated pipeline list");
        Require(Refit.GetUserAsync(UserId).GetAwaiter().GetResult().TimeCreated == Page[0].TimeCreated, "Refit GET");
        Require(HandWritten.GetUserAsync(UserId).GetAwaiter().GetResult().TimeCreated == Page[0].TimeCreated, "hand-written GET");
        Require(Generated.ListUsersAsync(CompartmentId, PageSize).GetAwaiter().GetResult().Count == PageSize, "generated list");
        Require(CountAsync(GeneratedPages.ListUsersAsync(CompartmentId, PageSize)).GetAwaiter().GetResult() == PageSize, "generated paged list");
        Require(Refit.ListUsersAsync(CompartmentId, PageSize).GetAwaiter().GetResult().Count == PageSize, "Refit list");
        Require(HandWritten.ListUsersAsync(CompartmentId, PageSize).GetAwaiter().GetResult().Count == PageSize, "hand-written list");
    }

    /// <summary>Enumerates a paged list to the end; the benchmark of the IAsyncEnumerable form.</summary>
    public static async Task<int> CountAsync(IAsyncEnumerable<User> users)
    {
        int count = 0;
        await foreach (User user in users.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark fixture check failed: " + problem + ".");
        }
    }
}
