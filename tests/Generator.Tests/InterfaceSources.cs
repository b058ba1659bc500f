namespace OciRaw.Generator.Tests;

/// <summary>Interfaces the baseline, compile and analyzer tests share. Each compiles on its own.</summary>
internal static partial class InterfaceSources
{
    public const string IdentityUsers = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Identity;

        public sealed class User
        {
            public string Id { get; set; } = "";
            public string? Name { get; set; }
            public System.DateTimeOffset TimeCreated { get; set; }
        }

        public sealed class CreateUserDetails
        {
            public string CompartmentId { get; set; } = "";
            public string Name { get; set; } = "";
            public string Description { get; set; } = "";
        }

        public partial interface IIdentityUsers
        {
            [OciEndpoint("POST /20160918/users")]
            Task<User> CreateUserAsync([OciBody] CreateUserDetails details,
                [OciHeader("opc-retry-token")] string? retryToken = null, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /20160918/users/{userId}")]
            Task<OciResponse<User>> GetUserAsync(string userId, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /20160918/users")]
            IAsyncEnumerable<User> ListUsersAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
                CancellationToken cancellationToken = default);
        }
        """;

    public const string PathParameters = """
        using System;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Paths;

        public enum Tier { [System.Text.Json.Serialization.JsonStringEnumMemberName("STANDARD")] Standard, [System.Text.Json.Serialization.JsonStringEnumMemberName("ARCHIVE")] Archive }

        internal partial interface IObjects
        {
            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
            Task<string> GetObjectTextAsync(string namespaceName, string bucketName, string objectName);

            [OciEndpoint("HEAD /items/{id}/versions/{version}")]
            Task HeadAsync(Guid id, long version);

            [OciEndpoint("DELETE /tiers/{tier}/flags/{flag}")]
            Task DeleteAsync(Tier tier, bool flag);
        }
        """;

    public const string QueryParameters = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Query;

        public enum SortOrder { [System.Runtime.Serialization.EnumMember(Value = "ASC")] Ascending, [System.Runtime.Serialization.EnumMember(Value = "DESC")] Descending }

        public partial interface ISearch
        {
            [OciEndpoint("GET /search")]
            Task<string> SearchAsync(
                [OciQuery] string? name,
                [OciQuery("displayName")] string? display,
                [OciQuery] int limit,
                [OciQuery] double? score,
                [OciQuery] decimal? price,
                [OciQuery] bool? exact,
                [OciQuery] SortOrder? sortOrder,
                [OciQuery] DateTimeOffset? timeCreatedGreaterThan,
                [OciQuery] Guid? id,
                [OciQuery("lifecycleState")] IEnumerable<string>? states,
                [OciQuery] int?[]? sizes);
        }
        """;

    public const string Headers = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Headers;

        public partial interface IHeaders
        {
            [OciEndpoint("PUT /things/{thingId}")]
            Task<string> UpdateAsync(string thingId, [OciHeader("if-match")] string? ifMatch, [OciHeader("opc-request-id")] string? requestId,
                [OciHeader("x-count")] int count, [OciHeader("x-flag")] bool? flag, [OciBody] string body);

            [OciEndpoint("GET /things/{parentId}/children")]
            IAsyncEnumerable<string> ListChildrenAsync(string parentId, [OciHeader("x-tenant")] string? tenant = null);
        }
        """;

    public const string BodyShapes = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Bodies;

        public sealed class Tag { public string Key { get; set; } = ""; public string? Value { get; set; } }

        public partial interface IBodies
        {
            [OciEndpoint("POST /tags")]
            Task<List<Tag>> AddTagsAsync([OciBody] List<Tag> tags);

            [OciEndpoint("PATCH /tags")]
            Task<Dictionary<string, string>> PatchAsync([OciBody] IReadOnlyDictionary<string, string>? changes);

            [OciEndpoint("PUT /tags/{key}")]
            Task<Tag?> PutAsync(string key, [OciBody] Tag? tag);
        }
        """;

    public const string ReturnShapes = """
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Returns;

        public sealed class Item { public int Number { get; set; } }

        public partial interface IReturns
        {
            [OciEndpoint("GET /raw")]
            Task<HttpResponseMessage> RawAsync(CancellationToken cancellationToken);

            [OciEndpoint("GET /text")]
            Task<string> TextAsync();

            [OciEndpoint("GET /download/{name}")]
            Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /items")]
            Task<OciResponse<Item[]>> ItemsAsync();

            [OciEndpoint("DELETE /items")]
            Task ClearAsync();

            [OciEndpoint("GET /items/{number}")]
            Task<OciResponse<Item?>> FindAsync(int number);

            [OciEndpoint("GET /count")]
            Task<int?> CountAsync();
        }
        """;

    public const string RecordsAndStructs = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using System.Text.Json.Serialization;
        using OciRaw;

        namespace Sample.Records;

        public sealed record Vcn(string Id, string CidrBlock, int? DnsLabelLength = null)
        {
            public required string CompartmentId { get; init; }
            public IReadOnlyList<string>? CidrBlocks { get; init; }
            [JsonPropertyName("display-name")] public string? DisplayName { get; set; }
            [JsonIgnore] public string Ignored => Id + CidrBlock;
        }

        public readonly struct Point
        {
            public int X { get; init; }
            public int Y { get; init; }
        }

        public partial interface INetworks
        {
            [OciEndpoint("POST /vcns")]
            Task<Vcn> CreateAsync([OciBody] Vcn vcn);

            [OciEndpoint("GET /points/{id}")]
            Task<Point> PointAsync(int id);
        }
        """;

    public const string EnumsAndValues = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Values;

        public enum State { UnknownEnumValue, Active, Deleted }

        public sealed class Everything
        {
            public bool Flag { get; set; }
            public byte B { get; set; }
            public sbyte Sb { get; set; }
            public short S { get; set; }
            public ushort Us { get; set; }
            public int I { get; set; }
            public uint Ui { get; set; }
            public long L { get; set; }
            public ulong Ul { get; set; }
            public float F { get; set; }
            public double D { get; set; }
            public decimal M { get; set; }
            public DateTime When { get; set; }
            public DateTimeOffset? WhenOffset { get; set; }
            public Guid Id { get; set; }
            public byte[]? Blob { get; set; }
            public JsonElement Free { get; set; }
            public State State { get; set; }
            public State? MaybeState { get; set; }
            public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
            public List<int?>? Numbers { get; set; }
        }

        public partial interface IValues
        {
            [OciEndpoint("PUT /everything")]
            Task<Everything> RoundTripAsync([OciBody] Everything value);
        }
        """;

    public const string GlobalNamespaceAndKeywords = """
        using System.Threading.Tasks;
        using OciRaw;

        public sealed class @event { public string? @class { get; set; } }

        public partial interface IGlobal
        {
            [OciEndpoint("GET /classes/{class}")]
            Task<@event> GetAsync(string @class, [OciQuery("namespace")] string? @namespace = null);
        }
        """;

    public const string RecursiveDto = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Tree;

        public sealed class Node
        {
            public string Name { get; set; } = "";
            public List<Node>? Children { get; set; }
            public Node? Parent { get; set; }
        }

        public partial interface ITree
        {
            [OciEndpoint("GET /tree")]
            Task<Node> TreeAsync();
        }
        """;

    public const string SharedDtoAcrossInterfaces = """
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Shared;

        public sealed class Region { public string Name { get; set; } = ""; }

        public partial interface IRegionsA
        {
            [OciEndpoint("GET /a/regions/{name}")]
            Task<Region> GetAsync(string name);
        }

        public partial interface IRegionsB
        {
            [OciEndpoint("GET /b/regions/{name}")]
            Task<Region> GetAsync(string name);
        }
        """;

    public const string JsonAttributes = """
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Attributes;

        public sealed record Bucket(string Name)
        {
            [JsonPropertyOrder(-1)] public string? Namespace { get; init; }
            public int Versioning { get; init; } = 1;
            [JsonRequired] public string? CompartmentId { get; set; }
            [JsonInclude] public string? Etag { get; internal set; }
            [JsonInclude] public long ApproximateCount;
            [JsonInclude] public readonly string Kind = "bucket";
        }

        public partial interface IBuckets
        {
            [OciEndpoint("POST /buckets")]
            Task<Bucket> CreateAsync([OciBody] Bucket bucket);
        }
        """;

    public const string BrokenMethod = """
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Broken;

        public partial interface IHalfBroken
        {
            [OciEndpoint("GET /fine/{id}")]
            Task<string> FineAsync(string id);

            [OciEndpoint("GET /broken")]
            Task<string> BrokenAsync(string unbound);
        }
        """;

    public const string PolymorphicModels = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Compute;

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "sourceType")]
        [JsonDerivedType(typeof(InstanceSourceViaImageDetails), "image")]
        [JsonDerivedType(typeof(InstanceSourceViaBootVolumeDetails), "bootVolume")]
        public abstract class InstanceSourceDetails
        {
        }

        public sealed class InstanceSourceViaImageDetails : InstanceSourceDetails
        {
            public string? ImageId { get; set; }
            public long? BootVolumeSizeInGBs { get; set; }
        }

        public sealed class InstanceSourceViaBootVolumeDetails : InstanceSourceDetails
        {
            public required string BootVolumeId { get; init; }
        }

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "contentType", IgnoreUnrecognizedTypeDiscriminators = true,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType)]
        [JsonDerivedType(typeof(Content), "PLAIN")]
        [JsonDerivedType(typeof(Base64Content), "BASE64")]
        [JsonDerivedType(typeof(Chunked))]
        public class Content
        {
            public string? Name { get; set; }
        }

        public sealed class Base64Content : Content
        {
            public string? Data { get; set; }
        }

        public sealed class Chunked : Content
        {
            public int Chunks { get; set; }
        }

        [JsonPolymorphic(UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToNearestAncestor)]
        [JsonDerivedType(typeof(Vm), 1)]
        [JsonDerivedType(typeof(GpuVm), 2)]
        public class Host
        {
            public string? Id { get; set; }
        }

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "vmKind")]
        [JsonDerivedType(typeof(GpuVm), "gpu")]
        public class Vm : Host
        {
            public int Cores { get; set; }
        }

        public sealed class GpuVm : Vm
        {
            public int Gpus { get; set; }
        }

        public sealed class LaunchInstanceDetails
        {
            public InstanceSourceDetails? SourceDetails { get; set; }
            public List<Content>? Contents { get; set; }
            public Dictionary<string, Host>? Hosts { get; set; }
            public Vm? Vm { get; set; }
        }

        public partial interface ICompute
        {
            [OciEndpoint("POST /20160918/instances")]
            Task<LaunchInstanceDetails> LaunchInstanceAsync([OciBody] LaunchInstanceDetails body);
        }
        """;

    /// <summary>Every source above that must generate without any diagnostic.</summary>
    public static TheoryData<string> Valid() => new()
    {
        nameof(IdentityUsers), nameof(PathParameters), nameof(QueryParameters), nameof(Headers), nameof(BodyShapes), nameof(ReturnShapes),
        nameof(RecordsAndStructs), nameof(EnumsAndValues), nameof(GlobalNamespaceAndKeywords), nameof(RecursiveDto), nameof(SharedDtoAcrossInterfaces),
        nameof(JsonAttributes), nameof(CollectionsAndPaging), nameof(SmallShapes), nameof(PolymorphicModels),
        nameof(HeaderResults), nameof(RawBodies),
    };

    public static string Get(string name) => (string)typeof(InterfaceSources).GetField(name)!.GetRawConstantValue()!;
}
