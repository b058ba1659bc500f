using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OciRaw.Infrastructure;

namespace OciRaw.Client.Tests.Json;

/// <summary>The reference: reflection-based System.Text.Json configured as OCI's JSON is (camelCase, no nulls, enums as strings).</summary>
internal static class Stj
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The canonical form objects are compared by: STJ's own output for them.</summary>
    public static string Canonical<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>As <see cref="Canonical"/>, also for infinities (which both readers give for floats beyond the range).</summary>
    public static string CanonicalWithInfinities<T>(T value) => JsonSerializer.Serialize(value, NamedFloatOptions);

    private static readonly JsonSerializerOptions NamedFloatOptions = new(Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}

/// <summary>One DTO shape under differential test: its generated serializer and the checks run on random instances.</summary>
internal abstract class ShapeCase
{
    protected ShapeCase(string name, bool sameMemberOrder)
    {
        Name = name;
        SameMemberOrder = sameMemberOrder;
    }

    public string Name { get; }

    /// <summary>
    /// Whether the generated writer emits members in STJ's order, so the bytes must be identical. False only with
    /// inheritance: STJ writes the derived type's members before the base type's, OciRaw base members first.
    /// </summary>
    public bool SameMemberOrder { get; }

    /// <summary>(a) The generated writer's output equals STJ's: byte for byte, or as JSON where the member order differs.</summary>
    public abstract void CheckWrite(int seed);

    /// <summary>(b) The generated reader, given STJ's output, builds the same object as STJ's reader.</summary>
    public abstract void CheckRead(int seed);

    /// <summary>(b') As (b) on STJ's output with every object's members shuffled and unknown members added to the top object.</summary>
    public abstract void CheckShuffledRead(int seed);

    /// <summary>(c) The generated reader reads the generated writer's output back into an equal object.</summary>
    public abstract void CheckRoundTrip(int seed);
}

internal sealed class ShapeCase<T> : ShapeCase
{
    private readonly OciJsonWriteAction<T> _write;
    private readonly OciJsonReadFunc<T> _read;

    public ShapeCase(string name, OciJsonWriteAction<T> write, OciJsonReadFunc<T> read, bool sameMemberOrder)
        : base(name, sameMemberOrder)
    {
        _write = write;
        _read = read;
    }

    public static byte[] WriteOurs(OciJsonWriteAction<T> write, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override void CheckWrite(int seed)
    {
        T value = new RandomValues(seed).Create<T>();
        byte[] ours = WriteOurs(_write, value);
        byte[] stj = JsonSerializer.SerializeToUtf8Bytes(value, Stj.Options);

        // The request-body path must give the same bytes as writing directly.
        using (HttpContent content = OciClientRuntime.JsonContent(value, _write))
        using (Stream stream = content.ReadAsStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().SequenceEqual(ours), Describe(seed, "JsonContent differs from a direct Write", ours, copy.ToArray()));
        }

        if (SameMemberOrder)
        {
            if (!ours.AsSpan().SequenceEqual(stj))
            {
                bool sameJson = JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(stj));
                Assert.Fail(Describe(seed, sameJson ? "bytes differ from STJ (same JSON after normalisation)" : "output differs from STJ", ours, stj));
            }
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(stj)), Describe(seed, "output differs from STJ after normalisation", ours, stj));
        }
    }

    public override void CheckRead(int seed)
    {
        T value = new RandomValues(seed).Create<T>();
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, Stj.Options);
        CompareReads(seed, json, "read of STJ's output");
    }

    public override void CheckShuffledRead(int seed)
    {
        var random = new RandomValues(seed);
        T value = random.Create<T>();
        JsonNode node = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(value, Stj.Options))!;
        var shuffle = new Random(seed);
        Shuffle(node, shuffle);
        JsonObject top = node.AsObject();
        for (int i = shuffle.Next(1, 4); i > 0; i--)
        {
            // Unknown members of every kind, at random positions; "__" keeps them apart from real member names.
            string name = "__unknown" + i + random.String();
            top.Insert(shuffle.Next(top.Count + 1), name, JsonNode.Parse(random.JsonValue(3).GetRawText()));
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(node);
        CompareReads(seed, json, "read of shuffled STJ output with unknown members");
    }

    public override void CheckRoundTrip(int seed)
    {
        T value = new RandomValues(seed).Create<T>();
        byte[] ours = WriteOurs(_write, value);
        T back = Read(seed, ours);
        string expected = Stj.Canonical(value);
        string actual = Stj.Canonical(back);
        Assert.True(expected == actual, $"{Name}, seed {seed}: round trip through the generated writer and reader changed the value\n"
            + $"written:  {Stj.Text(ours)}\nexpected: {expected}\nactual:   {actual}");
    }

    private void CompareReads(int seed, byte[] json, string what)
    {
        T ours = Read(seed, json);
        T stj = JsonSerializer.Deserialize<T>(json, Stj.Options)!;
        string expected = Stj.Canonical(stj);
        string actual = Stj.Canonical(ours);
        Assert.True(expected == actual, $"{Name}, seed {seed}: {what} differs from STJ's\njson:     {Stj.Text(json)}\nSTJ read: {expected}\nours:     {actual}");
    }

    private T Read(int seed, byte[] json)
    {
        try
        {
            return OciClientRuntime.Deserialize(json, _read);
        }
        catch (OciJsonException e)
        {
            Assert.Fail($"{Name}, seed {seed}: the generated reader failed: {e.Message}\njson: {Stj.Text(json)}");
            throw;
        }
    }

    private string Describe(int seed, string problem, byte[] ours, byte[] reference) =>
        $"{Name}, seed {seed}: {problem}\nours: {Stj.Text(ours)}\nSTJ:  {Stj.Text(reference)}";

    private static void Shuffle(JsonNode? node, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.ToList();
                obj.Clear();
                foreach (KeyValuePair<string, JsonNode?> member in members.OrderBy(_ => random.Next()))
                {
                    Shuffle(member.Value, random);
                    obj.Add(member.Key, member.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Shuffle(item, random);
                }

                break;
        }
    }
}
