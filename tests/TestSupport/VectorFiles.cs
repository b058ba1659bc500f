using System.Text.Json;

namespace OciRaw.TestSupport;

/// <summary>The signing vectors and test keys in TestData/ (a copy of shared/vectors).</summary>
public static class VectorFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string KeyPath(string relative) => Path.Combine(Root, relative);

    public const string TestKey = "keys/test_rsa2048.pem";
    public const string TestKeyFingerprint = "a1:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1";
    public const string DocsKey = "keys/oci_docs_test_key.pem";

    /// <summary>The docs key's real fingerprint; the published vectors use a different, made-up one.</summary>
    public const string DocsKeyRealFingerprint = "73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7";

    public static IReadOnlyList<SigningVector> Cases { get; } = Load();

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (SigningVector vector in Cases)
        {
            data.Add(vector.Name);
        }

        return data;
    }

    public static SigningVector Case(string name) => Cases.Single(c => c.Name == name);

    private static List<SigningVector> Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "signing.json")));
        var cases = new List<SigningVector>();
        foreach (JsonElement c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            JsonElement expected = c.GetProperty("expected");
            cases.Add(new SigningVector(
                c.GetProperty("name").GetString()!,
                c.GetProperty("method").GetString()!,
                c.GetProperty("url").GetString()!,
                ReadPairs(c.GetProperty("headers")),
                c.GetProperty("body").ValueKind == JsonValueKind.Null ? null : c.GetProperty("body").GetString(),
                c.GetProperty("key").GetString()!,
                c.GetProperty("passphrase").ValueKind == JsonValueKind.Null ? null : c.GetProperty("passphrase").GetString(),
                c.GetProperty("keyId").GetString()!,
                c.GetProperty("excludeBody").GetBoolean(),
                expected.GetProperty("signingString").GetString()!,
                expected.GetProperty("signature").GetString()!,
                expected.GetProperty("authorization").GetString()!,
                ReadPairs(expected.GetProperty("headers"))));
        }

        return cases;
    }

    private static List<KeyValuePair<string, string>> ReadPairs(JsonElement element) =>
        element.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
}
