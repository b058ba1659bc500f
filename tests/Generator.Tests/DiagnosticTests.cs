using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>One test per diagnostic ID: the ID, the words of the message, and the syntax it points at.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        """;

    [Fact]
    public Task OCIRAW001_interface_not_partial() => Expect("""
        public interface IApi
        {
            [OciEndpoint("GET /a")] Task GetAsync();
        }
        """, "OCIRAW001", "IApi", "'IApi'", "not partial");

    [Theory]
    [InlineData("get /a", "'get' is not one of GET")]
    [InlineData("GET a/b", "must start with '/'")]
    [InlineData("GET /a/{id", "is not closed")]
    [InlineData("GET /a/id}", "has no matching '{'")]
    [InlineData("GET /a/{}", "is not a placeholder")]
    [InlineData("GET /a?x=1", "contains '?'")]
    [InlineData("GET", "a verb and a path")]
    [InlineData("FETCH /a", "'FETCH' is not one of")]
    public Task OCIRAW002_invalid_route(string route, string words) => Expect($$"""
        public partial interface IApi
        {
            [OciEndpoint("{{route}}")] Task GetAsync();
        }
        """, "OCIRAW002", $"OciEndpoint(\"{route}\")", words);

    [Fact]
    public Task OCIRAW003_placeholder_without_parameter() => Expect("""
        public partial interface IApi
        {
            [OciEndpoint("GET /users/{userId}")] Task GetAsync(string id);
        }
        """, "OCIRAW003", "OciEndpoint(\"GET /users/{userId}\")", "'{userId}'", "'GetAsync'");

    [Fact]
    public Task OCIRAW004_parameter_bound_nowhere() => Expect("""
        public partial interface IApi
        {
            [OciEndpoint("GET /users")] Task GetAsync(string compartmentId);
        }
        """, "OCIRAW004", "compartmentId", "'compartmentId'", "[OciQuery]");

    [Fact]
    public Task OCIRAW005_two_bodies() => Expect("""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("POST /a")] Task PostAsync([OciBody] Dto first, [OciBody] Dto second);
        }
        """, "OCIRAW005", "second", "more than one [OciBody]");

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("DELETE")]
    public Task OCIRAW006_body_on_a_method_without_body(string verb) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("{{verb}} /a")] Task SendAsync([OciBody] Dto body);
        }
        """, "OCIRAW006", "body", $"a {verb} endpoint");

    [Theory]
    [InlineData("[OciQuery] object filter", "filter", "'object'")]
    [InlineData("[OciHeader(\"x-a\")] List<int> values", "values", "a header")]
    [InlineData("[OciQuery] Dto filter", "filter", "query values must be")]
    [InlineData("[OciQuery] ref int count", "count", "ref, out and in")]
    [InlineData("CancellationToken a, CancellationToken b", "b", "already has a CancellationToken")]
    [InlineData("[OciHeader(\"bad header\")] string value", "value", "not a valid header name")]
    [InlineData("[OciHeader(\"content-range\")] string value", "value", "'content-range' is a content header")]
    [InlineData("[OciHeader(\"Expires\")] string value", "value", "'Expires' is a content header")]
    [InlineData("[OciHeader(\"authorization\")] string value", "value", "set by the request signer")]
    [InlineData("[OciHeader(\"Host\")] string value", "value", "set by the request signer")]
    [InlineData("[OciQuery, OciHeader(\"x-a\")] string both", "both", "exactly one")]
    public Task OCIRAW007_unsupported_parameter(string parameters, string location, string words) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task GetAsync({{parameters}});
        }
        """, "OCIRAW007", location, words);

    [Fact]
    public Task OCIRAW008_unsupported_member_names_member_and_type() => Expect("""
        public sealed class Dto
        {
            public string? Name { get; set; }
            public object? Anything { get; set; }
        }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW008", "Anything", "'Anything' of 'Dto'", "'object?'");

    [Fact]
    public Task OCIRAW008_two_members_with_one_json_name() => Expect("""
        public sealed class Dto
        {
            public string? Name { get; set; }
            [System.Text.Json.Serialization.JsonPropertyName("name")] public string? Other { get; set; }
        }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW008", "Other", "'Other' of 'Dto'", "JSON name 'name' is already used by member 'Name'");

    [Fact]
    public Task OCIRAW008_a_polymorphic_interface_base_asks_for_an_abstract_class() => Expect("""
        [System.Text.Json.Serialization.JsonDerivedType(typeof(Image), "image")]
        public interface ISource { }
        public sealed class Image : ISource { public string? ImageId { get; set; } }
        public sealed class Dto { public ISource? Source { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW008", "Source", "'Source' of 'Dto'", "make it an abstract class");

    [Theory]
    [InlineData("ValueTask<string>")]
    [InlineData("string")]
    [InlineData("Task<object>")]
    [InlineData("IEnumerable<string>")]
    public Task OCIRAW009_unsupported_return_type(string returnType) => Expect($$"""
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] {{returnType}} GetAsync();
        }
        """, "OCIRAW009", returnType, "'GetAsync'");

    [Fact]
    public Task OCIRAW010_generic_method() => Expect("""
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<T> GetAsync<T>();
        }
        """, "OCIRAW010", "GetAsync", "is generic");

    [Theory]
    [InlineData("PATCH /users", "", "it is a PATCH")]
    [InlineData("DELETE /users", "", "it is a DELETE")]
    [InlineData("POST /users", "[OciQuery] string? page", "already binds the 'page'")]
    [InlineData("GET /users", "[OciQuery] string? page", "already binds the 'page'")]
    public Task OCIRAW011_async_enumerable_on_a_route_that_cannot_page(string route, string parameters, string words) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("{{route}}")] IAsyncEnumerable<Dto> ListAsync({{parameters}});
        }
        """, "OCIRAW011", parameters.Length == 0 ? "IAsyncEnumerable<Dto>" : "ListAsync", words);

    [Theory]
    [InlineData("Task<Dto>")]
    [InlineData("Task<OciResponse<Dto?>>")]
    [InlineData("Task<string>")]
    [InlineData("Task<System.IO.Stream>")]
    public Task OCIRAW025_head_endpoint_that_reads_a_body(string returnType) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}")] {{returnType}} HeadBucketAsync(string namespaceName, string bucketName);
        }
        """, "OCIRAW025", returnType, "'HeadBucketAsync' is a HEAD endpoint", "never has a body");

    [Theory]
    [InlineData("[OciQuery(CollectionFormat = OciCollectionFormat.Csv)] string? fields", "CollectionFormat = OciCollectionFormat.Csv", "= Csv", "'string?' is not a collection")]
    [InlineData("[OciQuery(CollectionFormat = (OciCollectionFormat)7)] string[]? fields", "CollectionFormat = (OciCollectionFormat)7", "= 7", "not a defined OciCollectionFormat")]
    public Task OCIRAW026_collection_format_that_cannot_apply(string parameter, string location, string format, string words) => Expect($$"""
        public partial interface IApi
        {
            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}")] Task GetBucketAsync(string namespaceName, string bucketName, {{parameter}});
        }
        """, "OCIRAW026", location, "'fields' of 'GetBucketAsync'", format, words);

    [Fact]
    public Task OCIRAW012_duplicate_verb_and_route() => Expect("""
        public partial interface IApi
        {
            [OciEndpoint("GET /users/{id}")] Task<string> FirstAsync(string id);
            [OciEndpoint("GET /users/{userId}")] Task<string> SecondAsync(string userId);
        }
        """, "OCIRAW012", "OciEndpoint(\"GET /users/{userId}\")", "'FirstAsync' and 'SecondAsync'");

    [Theory]
    [InlineData("public abstract class Dto { public string? A { get; set; } }", "is abstract")]
    [InlineData("public sealed class Dto { public Dto(string a) { A = a; } public Dto(int b) { A = b.ToString(); } public string A { get; } }", "several constructors")]
    [InlineData("public sealed class Dto { public Dto(string other) { A = other; } public string A { get; } }", "'other' matches no serializable property")]
    [InlineData("public sealed class Dto { private Dto() { } public string? A { get; set; } }", "no public or internal constructor")]
    [InlineData("public sealed class Dto { [System.Text.Json.Serialization.JsonIgnore] public required string A { get; init; } public string? B { get; set; } }", "required member 'A' is not read from JSON")]
    [InlineData("public sealed class Dto { public required string A; public string? B { get; set; } }", "required member 'A' is not read from JSON")]
    public Task OCIRAW013_dto_that_cannot_be_constructed(string dto, string words) => Expect($$"""
        {{dto}}
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW013", "Dto", words);

    [Theory]
    [InlineData("public partial interface IApi<T> { [OciEndpoint(\"GET /a\")] Task GetAsync(); }", "IApi", "generic interfaces")]
    [InlineData("public static partial class Outer { public partial interface IApi { [OciEndpoint(\"GET /a\")] Task GetAsync(); } }", "IApi", "nested")]
    [InlineData("public partial interface IApi { [OciEndpoint(\"GET /a\")] Task GetAsync(); Task OtherAsync(); }", "OtherAsync", "no [OciEndpoint]")]
    public Task OCIRAW014_unsupported_interface_shape(string source, string location, string words) => Expect(source, "OCIRAW014", location, words);

    [Theory]
    [InlineData("public sealed class Dto { [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Rest { get; set; } }",
        "JsonExtensionData", "[JsonExtensionData] on member 'Rest' of 'Dto'", "skips unknown members")]
    [InlineData("public sealed class Dto { [JsonConverter(typeof(JsonStringEnumConverter))] public List<string>? Names { get; set; } }",
        "JsonConverter(typeof(JsonStringEnumConverter))", "[JsonConverter] on member 'Names' of 'Dto'", "custom converter")]
    [InlineData("[JsonConverter(typeof(JsonStringEnumConverter))] public sealed class Dto { public string? A { get; set; } }",
        "JsonConverter(typeof(JsonStringEnumConverter))", "[JsonConverter] on type 'Dto'", "cannot run one")]
    [InlineData("public sealed class Dto { [JsonNumberHandling(JsonNumberHandling.WriteAsString)] public int Count { get; set; } }",
        "JsonNumberHandling(JsonNumberHandling.WriteAsString)", "[JsonNumberHandling] on member 'Count' of 'Dto'", "JSON numbers")]
    [InlineData("[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public sealed class Dto { public int Count { get; set; } }",
        "JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)", "[JsonNumberHandling] on type 'Dto'", "JSON numbers")]
    [InlineData("public sealed class Dto { [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] public List<string> Items { get; } = new(); }",
        "JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)", "[JsonObjectCreationHandling] on member 'Items' of 'Dto'", "never populates")]
    [InlineData("[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] public sealed class Dto { public string? A { get; set; } }",
        "JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)", "[JsonUnmappedMemberHandling] on type 'Dto'", "skips unknown members")]
    [InlineData("[Flags] public enum Access { None = 0, Read = 1, Write = 2 } public sealed class Dto { public Access Access { get; set; } }",
        "Flags", "[Flags] on enum 'Access'", "comma-separated names")]
    [InlineData("public enum Access { Read } [JsonConverter(typeof(JsonStringEnumConverter<Access>))] public enum Other { A } public sealed class Dto { public Other Other { get; set; } }",
        "JsonConverter(typeof(JsonStringEnumConverter<Access>))", "[JsonConverter] on enum 'Other'", "custom converter")]
    [InlineData("public sealed class Dto { [JsonInclude] private string? Secret { get; set; } public string? A { get; set; } }",
        "JsonInclude", "[JsonInclude] on member 'Secret' of 'Dto'", "its getter is private", "make it internal")]
    [InlineData("public sealed class Dto { [JsonInclude] public string? Name { get; private set; } }",
        "JsonInclude", "[JsonInclude] on member 'Name' of 'Dto'", "its setter is private")]
    [InlineData("public sealed class Dto { [JsonInclude] protected string? Hidden; public string? A { get; set; } }",
        "JsonInclude", "[JsonInclude] on member 'Hidden' of 'Dto'", "it is protected")]
    [InlineData("public sealed class Dto { private string? _name; [JsonInclude] public string? Name { init => _name = value; } public string? Value => _name; }",
        "JsonInclude", "[JsonInclude] on member 'Name' of 'Dto'", "init-only without a getter")]
    [InlineData("public sealed class Dto { [JsonRequired] public string? Name { get; } }",
        "JsonRequired", "[JsonRequired] on member 'Name' of 'Dto'", "no setter")]
    public Task OCIRAW016_unsupported_json_attribute(string dto, string location, params string[] words) => Expect($$"""
        using System.Text.Json.Serialization;
        {{dto}}
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW016", location, words);

    [Fact]
    public async Task OCIRAW016_attributes_that_generated_code_honours_draw_no_diagnostic()
    {
        string source = Usings + """
            using System.Text.Json.Serialization;
            [JsonConverter(typeof(JsonStringEnumConverter))] public enum Color { Red }
            [JsonConverter(typeof(JsonStringEnumConverter<Shade>))] public enum Shade { Dark }
            [JsonNumberHandling(JsonNumberHandling.Strict), JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
            public sealed class Dto
            {
                [JsonConverter(typeof(JsonStringEnumConverter))] public Color Color { get; set; }
                [JsonConverter(typeof(JsonStringEnumConverter<Shade>))] public Shade? Shade { get; set; }
                [JsonPropertyOrder(-1), JsonRequired, JsonNumberHandling(JsonNumberHandling.Strict)] public int Count { get; set; }
                [JsonInclude] public string? Name { get; internal set; }
                [JsonInclude] internal string? Internal { get; set; }
                [JsonInclude] public string? Field;
                [JsonInclude] public readonly string? ReadOnlyField;
                [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)] public List<string>? Items { get; set; }
            }
            public partial interface IApi
            {
                [OciEndpoint("POST /a")] Task<Dto> PostAsync([OciBody] Dto body);
            }
            """;

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source);
        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Empty(diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0649"));
        Assert.Equal("OciRaw.Json.D.g.cs", run.Serializers["Dto_Json"]);
    }

    [Fact]
    public void OCIRAW016_a_type_with_an_unsupported_attribute_gets_no_serializer_and_its_method_throws()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            using System.Text.Json.Serialization;
            public sealed class Dto { [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Rest { get; set; } }
            public partial interface IApi
            {
                [OciEndpoint("GET /a")] Task<Dto> GetAsync();
            }
            """);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.StartsWith("OciRaw.Json.", StringComparison.Ordinal));
        string client = Assert.Single(run.Sources, s => s.Key.StartsWith("OciRaw.Client.", StringComparison.Ordinal)).Value;
        Assert.Contains("throw new global::System.NotSupportedException(\"OCIRAW009", client, StringComparison.Ordinal);
        Assert.Contains("System.Text.Json attribute that OciRaw does not support", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[JsonPolymorphic] public class Dto { public string? A { get; set; } }", "JsonPolymorphic", "lists no [JsonDerivedType]")]
    [InlineData("[JsonDerivedType(typeof(Dto), \"dto\")] public sealed class Dto { public string? A { get; set; } }",
        "JsonDerivedType(typeof(Dto), \"dto\")", "it is sealed")]
    [InlineData("[JsonDerivedType(typeof(Dto), \"dto\")] public struct Dto { public string? A { get; set; } }",
        "JsonDerivedType(typeof(Dto), \"dto\")", "it is a struct")]
    public Task OCIRAW030_unsupported_polymorphic_base(string dto, string location, string words) => Expect($$"""
        using System.Text.Json.Serialization;
        {{dto}}
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Dto> GetAsync();
        }
        """, "OCIRAW030", location, "'Dto' cannot be a polymorphic base type", words);

    [Theory]
    [InlineData("[JsonDerivedType(typeof(Other), \"other\")]", "JsonDerivedType(typeof(Other), \"other\")", "'Other'", "does not derive from it")]
    [InlineData("[JsonDerivedType(typeof(Generic<>), \"g\")]", "JsonDerivedType(typeof(Generic<>), \"g\")", "'Generic<>'", "open generic")]
    [InlineData("[JsonDerivedType(typeof(Middle), \"m\")]", "JsonDerivedType(typeof(Middle), \"m\")", "'Middle'", "is abstract")]
    [InlineData("[JsonDerivedType(typeof(Leaf), \"a\"), JsonDerivedType(typeof(Leaf), \"b\")]", "JsonDerivedType(typeof(Leaf), \"b\")", "'Leaf'", "listed twice")]
    [InlineData("[JsonDerivedType(typeof(Hidden), \"h\")]", "JsonDerivedType(typeof(Hidden), \"h\")", "'Hidden'", "private or protected")]
    public Task OCIRAW031_unsupported_derived_type(string attributes, string location, string derived, string words) => Expect($$"""
        using System.Text.Json.Serialization;
        {{attributes}}
        public abstract class Base { public string? A { get; set; } private sealed class Hidden : Base { } }
        public abstract class Middle : Base { }
        public sealed class Leaf : Middle { }
        public class Generic<T> : Base { }
        public sealed class Other { }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Base> GetAsync();
        }
        """, "OCIRAW031", location, derived, "[JsonDerivedType] of 'Base'", words);

    [Fact]
    public Task OCIRAW032_duplicate_discriminator() => Expect("""
        using System.Text.Json.Serialization;
        [JsonDerivedType(typeof(A), "x"), JsonDerivedType(typeof(B), "x")]
        public abstract class Base { }
        public sealed class A : Base { }
        public sealed class B : Base { }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Base> GetAsync();
        }
        """, "OCIRAW032", "JsonDerivedType(typeof(B), \"x\")", "'x' of 'B'", "already used by 'A' on 'Base'");

    [Theory]
    [InlineData("[JsonPolymorphic(TypeDiscriminatorPropertyName = \"kind\")]", "JsonPolymorphic(TypeDiscriminatorPropertyName = \"kind\")", "'kind'", "JSON name of a member of its derived type 'A'")]
    [InlineData("[JsonPolymorphic(TypeDiscriminatorPropertyName = \"$ref\")]", "JsonPolymorphic(TypeDiscriminatorPropertyName = \"$ref\")", "'$ref'", "other metadata names")]
    public Task OCIRAW033_discriminator_name_clash(string polymorphic, string location, string name, string words) => Expect($$"""
        using System.Text.Json.Serialization;
        {{polymorphic}}
        [JsonDerivedType(typeof(A), "a")]
        public abstract class Base { }
        public sealed class A : Base { public string? Kind { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Base> GetAsync();
        }
        """, "OCIRAW033", location, name, "of 'Base'", words);

    [Fact]
    public async Task A_broken_interface_gives_diagnostics_and_compilable_code_not_a_crash()
    {
        string source = Usings + """
            public partial interface IApi
            {
                [OciEndpoint("GET /ok/{id}")] Task<string> OkAsync(string id);
                [OciEndpoint("GET /bad/{missing}")] Task<object> BadAsync(string unbound, [OciBody] string body);
                [OciEndpoint("oops")] Task WorseAsync();
            }
            """;

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source);
        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Equal(["OCIRAW002", "OCIRAW003", "OCIRAW004", "OCIRAW006", "OCIRAW009"], diagnostics.Select(d => d.Id).Order().ToArray());
        Assert.Equal(diagnostics.Select(d => d.ToString()).Order(), run.Result.Diagnostics.Select(d => d.ToString()).Order());
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string client = run.Sources.Single(s => s.Key.StartsWith("OciRaw.Client.", StringComparison.Ordinal)).Value;
        Assert.Contains("throw new global::System.NotSupportedException(\"OCIRAW009", client, StringComparison.Ordinal);
        Assert.Contains("throw new global::System.NotSupportedException(\"OCIRAW002", client, StringComparison.Ordinal);
    }

    [Fact]
    public void OCIRAW015_a_generator_failure_is_a_diagnostic_not_a_crash()
    {
        var generator = new OciClientGenerator(name =>
        {
            if (name == "ICrashes")
            {
                throw new InvalidOperationException("simulated parser failure");
            }
        });

        GeneratorRun run = GeneratorRun.Of(generator, Usings + """
            public partial interface ICrashes { [OciEndpoint("GET /a")] Task GetAsync(); }
            public partial interface IWorks { [OciEndpoint("GET /b")] Task GetAsync(); }
            """);

        Diagnostic failure = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("OCIRAW015", failure.Id);
        Assert.Contains("'ICrashes'", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: simulated parser failure", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(run.Result.Exception);
        Assert.Contains(run.Sources.Keys, hint => hint.Contains("IWorks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://identity.{regionId}.oci.{secondLevelDomain}", "'{regionId}' is not a placeholder")]
    [InlineData("http://identity.{region}.oraclecloud.com", "must start with https://")]
    [InlineData("https://identity.oraclecloud.com", "no {region} placeholder")]
    [InlineData("https://identity.{region.oraclecloud.com", "is not closed")]
    [InlineData("https://iaas.{region}.{dualStack?ds.}oraclecloud.com", "{option?ifOn:ifOff}")]
    public Task OCIRAW035_invalid_endpoint_template(string template, string words) => Expect($$"""
        [OciService("identity", "{{template}}")]
        public partial interface IApi { [OciEndpoint("GET /a")] Task GetAsync(); }
        """, "OCIRAW035", $"OciService(\"identity\", \"{template}\")", "'IApi'", words);

    [Fact]
    public Task OCIRAW036_invalid_service_name() => Expect("""
        [OciService("Object Storage", "https://objectstorage.{region}.{secondLevelDomain}")]
        public partial interface IApi { [OciEndpoint("GET /a")] Task GetAsync(); }
        """, "OCIRAW036", "OciService(\"Object Storage\", \"https://objectstorage.{region}.{secondLevelDomain}\")", "\"Object Storage\"", "'O' is not allowed");

    [Theory]
    [InlineData("public interface IApi { [OciEndpoint(\"GET /a\")] Task GetAsync(); }")]
    [InlineData("public partial interface IApi { }")]
    public Task OCIRAW037_service_without_a_client(string declaration) => Expect($$"""
        [OciService("identity", "https://identity.{region}.oci.{secondLevelDomain}")]
        {{declaration}}
        """, "OCIRAW037", "OciService(\"identity\", \"https://identity.{region}.oci.{secondLevelDomain}\")", "'IApi'", "no generated client");

    [Theory]
    [InlineData("public abstract class Result { [OciHeader(\"etag\")] public string? ETag { get; set; } }", "Result", "it is abstract")]
    [InlineData("public sealed class Result { public Result(int x) { } [OciHeader(\"etag\")] public string? ETag { get; set; } }", "Result", "no public or internal parameterless constructor")]
    [InlineData("public sealed class Result { [OciHeader(\"etag\")] public string? ETag { get; } }", "ETag", "property 'ETag' has no public or internal set or init accessor")]
    [InlineData("public sealed class Result { [OciHeader(\"etag\")] public string? ETag { get; set; } public required string Other { get; set; } }", "Other", "required member 'Other'")]
    public Task OCIRAW017_result_class_that_cannot_be_filled(string result, string location, string words) => Expect($$"""
        {{result}}
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Result> GetAsync();
        }
        """, "OCIRAW017", location, "'Result'", words);

    [Theory]
    [InlineData("public Dto? Value { get; set; }", "'Dto?'")]
    [InlineData("public List<string>? Value { get; set; }", "'List<string>?'")]
    [InlineData("public Guid Value { get; set; }", "'Guid'")]
    public Task OCIRAW018_header_property_of_an_unsupported_type(string property, string type) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public sealed class Result { [OciHeader("x-value")] {{property}} }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Result> GetAsync();
        }
        """, "OCIRAW018", "Value", "'Value' of 'Result'", type, "header 'x-value'", "strings, integers");

    [Theory]
    [InlineData("[OciBody] public Stream? A { get; set; } [OciBody] public string? Value { get; set; }", "is a second [OciBody] (the first is 'A')")]
    [InlineData("[OciHeader(\"etag\"), OciBody] public string? Value { get; set; }", "has both [OciHeader] and [OciBody]")]
    public Task OCIRAW019_conflicting_result_bindings(string properties, string words) => Expect($$"""
        public sealed class Result { {{properties}} }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Result> GetAsync();
        }
        """, "OCIRAW019", "Value", "'Value' of 'Result'", words);

    [Theory]
    [InlineData("object?", "a body is a JSON type, Stream, byte[] or string")]
    [InlineData("Inner?", "it binds headers itself")]
    public Task OCIRAW020_body_property_of_an_unsupported_type(string type, string words) => Expect($$"""
        public sealed class Inner { [OciHeader("etag")] public string? ETag { get; set; } }
        public sealed class Result { [OciBody] public {{type}} Value { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task<Result> GetAsync();
        }
        """, "OCIRAW020", "Value", "'Value' of 'Result'", words);

    [Theory]
    [InlineData("GET /a", "[OciHeader(\"content-md5\")] string? md5", "'GetAsync' has no [OciBody]")]
    [InlineData("PUT /a", "[OciBody] Dto body, [OciHeader(\"Content-Type\")] string? md5", "the body 'body' is JSON")]
    public Task OCIRAW021_content_header_without_a_raw_body(string route, string parameters, string words) => Expect($$"""
        public sealed class Dto { public string? A { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("{{route}}")] Task GetAsync({{parameters}});
        }
        """, "OCIRAW021", "md5", "Parameter 'md5' of 'GetAsync'", "raw [OciBody]", words);

    [Theory]
    [InlineData("[OciHeader(\"opc-meta-*\")] string? meta", "a header prefix binds an IDictionary<string, string>")]
    [InlineData("[OciHeader(\"opc-meta-\")] IDictionary<string, string>? meta", "end the name with '*'")]
    [InlineData("[OciHeader(\"opc-*-meta\")] IDictionary<string, string>? meta", "'*' may only end the name")]
    [InlineData("[OciHeader(\"*\")] IDictionary<string, string>? meta", "a prefix is needed before '*'")]
    [InlineData("[OciHeader(\"opc-meta-*\")] IDictionary<string, int>? meta", "not 'IDictionary<string, int>?'")]
    public Task OCIRAW022_invalid_header_prefix(string parameter, string words) => Expect($$"""
        public partial interface IApi
        {
            [OciEndpoint("GET /a")] Task GetAsync({{parameter}});
        }
        """, "OCIRAW022", "meta", "on 'meta' is not valid", words);

    [Theory]
    [InlineData("GET /a", "", "a GET sends no body")]
    [InlineData("PUT /a", "[OciQuery] string? q", "it has no [OciBody] parameter")]
    public Task OCIRAW023_exclude_body_without_a_body(string route, string parameters, string words) => Expect($$"""
        public partial interface IApi
        {
            [OciEndpoint("{{route}}", ExcludeBodyFromSignature = true)] Task SendAsync({{parameters}});
        }
        """, "OCIRAW023", $"OciEndpoint(\"{route}\", ExcludeBodyFromSignature = true)", "'SendAsync' sets ExcludeBodyFromSignature", words);

    [Theory]
    [InlineData("Task<OciResponse<Result>> GetAsync()", "Task<OciResponse<Result>>", "the JSON data of OciResponse<T>")]
    [InlineData("IAsyncEnumerable<Result> GetAsync()", "IAsyncEnumerable<Result>", "the item type of IAsyncEnumerable<T>")]
    [InlineData("Task PutAsync([OciBody] Result body)", "body", "a JSON request body")]
    public Task OCIRAW024_header_bound_result_class_used_as_json(string signature, string location, string words) => Expect($$"""
        public sealed class Result { [OciHeader("etag")] public string? ETag { get; set; } }
        public partial interface IApi
        {
            [OciEndpoint("{{(signature.StartsWith("Task PutAsync", StringComparison.Ordinal) ? "PUT" : "GET")}} /a")] {{signature}};
        }
        """, "OCIRAW024", location, "'Result' binds headers", words);

    [Fact]
    public void Every_descriptor_has_a_help_page_and_a_release_entry()
    {
        string root = Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));
        string releases = File.ReadAllText(Path.Combine(root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        var ids = typeof(OciClientGenerator).Assembly.GetType("OciRaw.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetFields().Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToArray();

        Assert.Equal(33, ids.Length);
        foreach (string id in ids)
        {
            string page = Path.Combine(root, "docs", "diagnostics", id + ".md");
            Assert.True(File.Exists(page), $"{id} has no help page at docs/diagnostics/{id}.md");
            Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Contains(id + " |", releases, StringComparison.Ordinal);
        }
    }

    private static async Task Expect(string source, string id, string locationText, params string[] words)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Usings + source);

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(locationText, AnalyzerRun.Text(diagnostic));
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string word in words)
        {
            Assert.Contains(word, message, StringComparison.Ordinal);
        }
    }

    private static string ProjectDirectory() =>
        typeof(DiagnosticTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
}
