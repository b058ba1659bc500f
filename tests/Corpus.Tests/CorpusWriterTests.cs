namespace OciRaw.Corpus.Tests;

/// <summary>What the writer makes of the operations issue 9 names, in the contract's syntax and in today's subset.</summary>
public sealed class CorpusWriterTests
{
    [Fact]
    public void Description_holds_every_operation_of_the_sdk_snapshot_and_names_it()
    {
        var api = CorpusSlice.Api;

        Assert.Equal(168, api.Services.Count);
        Assert.Equal(8054, api.Operations.Count());
        Assert.Matches("^[0-9a-f]{40}$", api.PythonSdk.Commit);
        Assert.Matches("^[0-9a-f]{40}$", api.GoSdk.Commit);
        Assert.Equal(api.Operations.Count(), api.Operations.Select(o => (o.Service.Name, o.Client.Name, o.Operation.Name)).Distinct().Count());
    }

    [Fact]
    public void PutObject_sends_a_stream_with_content_headers_and_metadata_and_leaves_the_body_out_of_the_signature()
    {
        string method = Method(Write(ContractLevel.Full, "object_storage"), "PutObjectAsync");

        Assert.Contains("[OciEndpoint(\"PUT /n/{namespaceName}/b/{bucketName}/o/{objectName}\", ExcludeBodyFromSignature = true)]", method, StringComparison.Ordinal);
        Assert.Contains("[OciBody] global::System.IO.Stream putObjectBody,", method, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"content-md5\")] string? contentMd5 = null", method, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"content-length\")] long? contentLength = null", method, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"opc-meta-*\")] global::System.Collections.Generic.IReadOnlyDictionary<string, string>? opcMeta = null", method, StringComparison.Ordinal);
    }

    [Fact]
    public void GetObject_returns_its_stream_and_headers_in_a_header_bound_result_and_HeadObject_its_headers()
    {
        string source = Write(ContractLevel.Full, "object_storage");

        Assert.Contains("Task<GetObjectResult> GetObjectAsync(", source, StringComparison.Ordinal);
        string result = TypeBody(source, "public sealed class GetObjectResult");
        Assert.Contains("[OciHeader(\"content-length\")] public long? ContentLength { get; set; }", result, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"last-modified\")] public global::System.DateTimeOffset? LastModified { get; set; }", result, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"opc-meta-*\")] public global::System.Collections.Generic.IReadOnlyDictionary<string, string>? OpcMeta", result, StringComparison.Ordinal);
        Assert.Contains("[OciBody] public global::System.IO.Stream? Content { get; set; }", result, StringComparison.Ordinal);
        Assert.Contains("[OciEndpoint(\"HEAD /n/{namespaceName}/b/{bucketName}/o/{objectName}\")]", source, StringComparison.Ordinal);
        Assert.DoesNotContain("[OciBody]", TypeBody(source, "public sealed class HeadObjectResult"), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_query_collections_say_so_and_multi_ones_do_not()
    {
        string source = Write(ContractLevel.Full, "object_storage");

        Assert.Contains("[OciQuery(CollectionFormat = OciCollectionFormat.Csv)] global::System.Collections.Generic.IEnumerable<string>? fields = null",
            Method(source, "GetBucketAsync"), StringComparison.Ordinal);
        Assert.DoesNotContain("CollectionFormat", Write(ContractLevel.Today, "object_storage"), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_in_headers_are_OciResponse_and_lists_enumerate_items_or_pages_without_a_page_parameter()
    {
        string engine = Write(ContractLevel.Full, "container_engine");
        Assert.Contains("Task<global::OciRaw.OciResponse> CreateClusterAsync(", engine, StringComparison.Ordinal);

        // A bare JSON array, an {"items": [...]} collection, and Logging Search's POST whose page is {"results": ...}.
        Assert.Contains("IAsyncEnumerable<Instance> ListInstancesAsync(", Write(ContractLevel.Full, "core/ComputeClient"), StringComparison.Ordinal);
        string instances = Write(ContractLevel.Full, "container_instances");
        Assert.Contains("IAsyncEnumerable<ContainerInstanceSummary> ListContainerInstancesAsync(", instances, StringComparison.Ordinal);
        Assert.DoesNotContain("[OciQuery] string? page", Method(instances, "ListContainerInstancesAsync"), StringComparison.Ordinal);
        string search = Method(Write(ContractLevel.Full, "loggingsearch"), "SearchLogsAsync");
        Assert.Contains("[OciEndpoint(\"POST /20190909/search\")]", search, StringComparison.Ordinal);
        Assert.Contains("IAsyncEnumerable<global::OciRaw.OciResponse<SearchResponse>> SearchLogsAsync(", search, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_writes_pages_and_results_in_headers_the_way_that_existed_before_the_contract()
    {
        string instances = Method(Write(ContractLevel.Today, "container_instances"), "ListContainerInstancesAsync");
        Assert.Contains("Task<global::OciRaw.OciResponse<ContainerInstanceCollection>> ListContainerInstancesAsync(", instances, StringComparison.Ordinal);
        Assert.Contains("[OciQuery] string? page = null", instances, StringComparison.Ordinal);

        string storage = Write(ContractLevel.Today, "object_storage");
        Assert.Contains("Task<global::System.Net.Http.HttpResponseMessage> GetObjectAsync(", storage, StringComparison.Ordinal);
        Assert.DoesNotContain("OciService", storage, StringComparison.Ordinal);
        Assert.DoesNotContain("ExcludeBodyFromSignature", storage, StringComparison.Ordinal);
        Assert.DoesNotContain("opc-meta-*", storage, StringComparison.Ordinal);
        Assert.DoesNotContain("OciResponse>", storage, StringComparison.Ordinal);
    }

    [Fact]
    public void Polymorphic_bases_list_their_subtypes_and_fall_back_to_themselves_and_no_class_declares_the_discriminator()
    {
        string source = Write(ContractLevel.Full, "core/ComputeClient");

        Assert.Contains(
            "[JsonPolymorphic(TypeDiscriminatorPropertyName = \"sourceType\", IgnoreUnrecognizedTypeDiscriminators = true)]\n" +
            "[JsonDerivedType(typeof(InstanceSourceViaImageDetails), \"image\")]\n" +
            "[JsonDerivedType(typeof(InstanceSourceViaBootVolumeDetails), \"bootVolume\")]\n" +
            "public class InstanceSourceDetails\n{\n}\n", source, StringComparison.Ordinal);
        string image = TypeBody(source, "public class InstanceSourceViaImageDetails : InstanceSourceDetails");
        Assert.DoesNotContain("SourceType", image, StringComparison.Ordinal);
        Assert.Contains("    public long? BootVolumeSizeInGBs { get; set; }", image, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonPolymorphic", Write(ContractLevel.Today, "core/ComputeClient"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_names_are_attributes_only_where_the_camel_case_of_the_member_differs()
    {
        string source = Write(ContractLevel.Full, "identity");

        string user = TypeBody(source, "public class User\n");
        Assert.Contains("    public string? CompartmentId { get; set; }", user, StringComparison.Ordinal);
        Assert.DoesNotContain("[JsonPropertyName(\"compartmentId\")]", source, StringComparison.Ordinal);
        // Free-form values (defined tags are maps of maps of them).
        Assert.Contains("global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>>? DefinedTags", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_OciRaw_writes_itself_are_left_out_but_a_raw_body_keeps_its_content_headers()
    {
        // Identity Domains offers 'authorization' on every operation; the signer writes it (the SDKs' signers overwrite it too).
        string domains = Write(ContractLevel.Full, "identity_domains");
        Assert.Contains("CreateUserAsync(", domains, StringComparison.Ordinal);
        Assert.DoesNotContain("[OciHeader(\"authorization\")]", domains, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"authorization\")]", Write(ContractLevel.Today, "identity_domains"), StringComparison.Ordinal);

        // A content header beside a JSON body, which OciRaw serializes and labels itself.
        string metrics = Method(Write(ContractLevel.Full, "monitoring"), "PostMetricDataAsync");
        Assert.Contains("[OciBody] PostMetricDataDetails postMetricDataDetails", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("content-encoding", metrics, StringComparison.Ordinal);
        Assert.Contains("[OciHeader(\"opc-request-id\")]", metrics, StringComparison.Ordinal);

        // A raw body's content headers stay.
        Assert.Contains("[OciHeader(\"content-encoding\")] string? contentEncoding = null",
            Method(Write(ContractLevel.Full, "object_storage"), "PutObjectAsync"), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_regional_endpoint_templates_become_OciService()
    {
        Assert.Contains("[OciService(\"objectstorage\", \"https://objectstorage.{region}.{secondLevelDomain}\")]", Write(ContractLevel.Full, "object_storage"), StringComparison.Ordinal);
        // A stand-in for each domain's host, and one global host.
        Assert.DoesNotContain("[OciService(", Write(ContractLevel.Full, "identity_domains"), StringComparison.Ordinal);
        Assert.DoesNotContain("[OciService(", Write(ContractLevel.Full, "osub_usage"), StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_data_in_a_model_is_a_byte_array_which_json_carries_as_base64()
    {
        string output = TypeBody(Write(ContractLevel.Full, "data_flow"), "public class ImagePngStatementOutputData");

        Assert.Contains("public byte[]? Value { get; set; }", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractions_take_about_that_share_of_operations_from_many_services()
    {
        var writer = new CorpusWriter(CorpusSlice.Api, ContractLevel.Full);
        int all = CorpusSlice.Api.Operations.Count();

        var quarter = writer.Fraction(0.25);
        int operations = quarter.Sum(c => c.Client.Operations.Count);
        Assert.InRange(operations, all / 4, all / 4 + quarter.Max(c => c.Client.Operations.Count));
        Assert.True(quarter.Select(c => c.Service.Name).Distinct().Count() > 20, "a quarter of OCI should span many services");
        Assert.Equal(all, writer.Fraction(1).Sum(c => c.Client.Operations.Count));
    }

    [Fact]
    public void Unknown_service_or_client_names_are_errors_naming_what_exists()
    {
        var writer = new CorpusWriter(CorpusSlice.Api, ContractLevel.Full);

        Assert.Contains("no service 'objectstorage'", Assert.Throws<ArgumentException>(() => writer.Select(["objectstorage"])).Message, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => writer.Select(["core/Compute"]));
        Assert.Contains("ComputeClient", error.Message, StringComparison.Ordinal);
    }

    private static string Write(ContractLevel level, string clients)
    {
        var writer = new CorpusWriter(CorpusSlice.Api, level);
        return string.Join("\n", writer.Write(writer.Select([clients])).Files.Select(f => f.Text));
    }

    /// <summary>From the comment line before a method's attribute to the end of its parameter list.</summary>
    private static string Method(string source, string name)
    {
        int at = source.IndexOf(" " + name + "(", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no method {name}");
        int start = source.LastIndexOf("[OciEndpoint", at, StringComparison.Ordinal);
        return source[start..(source.IndexOf(");", at, StringComparison.Ordinal) + 2)];
    }

    private static string TypeBody(string source, string declaration)
    {
        int at = source.IndexOf(declaration, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no '{declaration}'");
        return source[at..(source.IndexOf("\n}\n", at, StringComparison.Ordinal) + 3)];
    }
}
