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

        // OCI puts type discriminators anywhere in the object; without this System.Text.Json insists on them first.
        AllowOutOfOrderMetadataProperties = true,
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
    protected ShapeCase(string name, bool sameMemberOrder, IReadOnlyList<string>? discriminators)
    {
        Name = name;
        SameMemberOrder = sameMemberOrder;
        Discriminators = discriminators ?? [];
    }

    public string Name { get; }

    /// <summary>
    /// Whether the generated writer emits members in STJ's order, so the bytes must be identical. False only with
    /// inheritance: STJ writes the derived type's members before the base type's, OciRaw base members first.
    /// </summary>
    public bool SameMemberOrder { get; }

    /// <summary>The JSON names of the type discriminators of the polymorphic bases the shape reaches (none for other shapes).</summary>
    public IReadOnlyList<string> Discriminators { get; }

    /// <summary>(a) The generated writer's output equals STJ's: byte for byte, or as JSON where the member order differs.</summary>
    public abstract void CheckWrite(int seed);

    /// <summary>(b) The generated reader, given STJ's output, builds the same object as STJ's reader.</summary>
    public abstract void CheckRead(int seed);

    /// <summary>(b') As (b) on STJ's output with every object's members shuffled and unknown members added to the top object.</summary>
    public abstract void CheckShuffledRead(int seed);

    /// <summary>(c) The generated reader reads the generated writer's output back into an equal object.</summary>
    public abstract void CheckRoundTrip(int seed);

    /// <summary>(d) As (b) with every type discriminator moved to the end of its object, where OCI may put it.</summary>
    public abstract void CheckDiscriminatorLastRead(int seed);

    /// <summary>
    /// (e) STJ's output with one discriminator replaced by a value no base lists: where STJ reads it (as a concrete base
    /// with IgnoreUnrecognizedTypeDiscriminators) the generated reader reads the same; where STJ fails, the generated
    /// reader fails with an OciJsonException naming the value, at the discriminator's path.
    /// </summary>
    public abstract void CheckUnknownDiscriminator(int seed);
}

internal sealed class ShapeCase<T> : ShapeCase
{
    private readonly OciJsonWriteAction<T> _write;
    private readonly OciJsonReadFunc<T> _read;

    public ShapeCase(string name, OciJsonWriteAction<T> write, OciJsonReadFunc<T> read, bool sameMemberOrder, IReadOnlyList<string>? discriminators = null)
        : base(name, sameMemberOrder, discriminators)
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
            if (Discriminators.Count > 0)
            {
                // Member order differs only below the discriminator: it must come first, as STJ writes it.
                AssertDiscriminatorsFirst(JsonNode.Parse(ours), JsonNode.Parse(stj), Describe(seed, "a type discriminator is not first", ours, stj));
            }
        }
    }

    public override void CheckDiscriminatorLastRead(int seed)
    {
        T value = new RandomValues(seed).Create<T>();
        JsonNode node = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(value, Stj.Options))!;
        MoveDiscriminatorsLast(node);
        CompareReads(seed, JsonSerializer.SerializeToUtf8Bytes(node), "read with every discriminator last");
    }

    public override void CheckUnknownDiscriminator(int seed)
    {
        T value = new RandomValues(seed).Create<T>();
        JsonNode node = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(value, Stj.Options))!;
        var holders = new List<(JsonObject Holder, string Name)>();
        FindDiscriminators(node, holders);
        if (holders.Count == 0)
        {
            return; // this instance holds no polymorphic value (a null member, an empty list)
        }

        var random = new Random(seed);
        (JsonObject holder, string name) = holders[random.Next(holders.Count)];
        bool numeric = holder[name]!.GetValueKind() == JsonValueKind.Number;
        string unknown = numeric ? "987654" : "unknownSubtype" + random.Next(1000);
        holder[name] = numeric ? JsonValue.Create(987654) : JsonValue.Create(unknown);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(node);
        if (random.Next(2) == 0)
        {
            MoveDiscriminatorsLast(node);
            json = JsonSerializer.SerializeToUtf8Bytes(node);
        }

        T? stj;
        try
        {
            stj = JsonSerializer.Deserialize<T>(json, Stj.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            OciJsonException error = Assert.Throws<OciJsonException>(() => OciClientRuntime.Deserialize(json, _read));
            Assert.True(error.Message.Contains(unknown, StringComparison.Ordinal) && error.JsonPath.EndsWith("." + name, StringComparison.Ordinal),
                $"{Name}, seed {seed}: STJ refused the unknown discriminator ({e.Message}); ours should name it and its path\njson: {Stj.Text(json)}\nours: {error.Message}");
            return;
        }

        CompareReads(seed, json, $"read with the unknown discriminator {unknown} (STJ read {Stj.Canonical(stj)})");
    }

    private void AssertDiscriminatorsFirst(JsonNode? ours, JsonNode? stj, string message)
    {
        switch (stj)
        {
            case JsonObject stjObject:
                JsonObject oursObject = ours!.AsObject();
                if (stjObject.Count > 0 && Discriminators.Contains(stjObject.First().Key))
                {
                    Assert.True(oursObject.First().Key == stjObject.First().Key, message);
                }

                foreach (KeyValuePair<string, JsonNode?> member in stjObject)
                {
                    AssertDiscriminatorsFirst(oursObject[member.Key], member.Value, message);
                }

                break;
            case JsonArray stjArray:
                for (int i = 0; i < stjArray.Count; i++)
                {
                    AssertDiscriminatorsFirst(ours!.AsArray()[i], stjArray[i], message);
                }

                break;
        }
    }

    private void MoveDiscriminatorsLast(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string name in Discriminators)
                {
                    if (obj.TryGetPropertyValue(name, out JsonNode? discriminator))
                    {
                        obj.Remove(name);
                        obj.Add(name, discriminator);
                    }
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj.ToList())
                {
                    MoveDiscriminatorsLast(member.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    MoveDiscriminatorsLast(item);
                }

                break;
        }
    }

    private void FindDiscriminators(JsonNode? node, List<(JsonObject Holder, string Name)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (Discriminators.Contains(member.Key))
                    {
                        found.Add((obj, member.Key));
                    }

                    FindDiscriminators(member.Value, found);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    FindDiscriminators(item, found);
                }

                break;
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
