using TreeJson = OciRaw.Generated.OciRaw_Client_Tests_Json_TreeNode_Json;
using RecordJson = OciRaw.Generated.OciRaw_Client_Tests_Json_PositionalRecord_Json;
using VectorJson = OciRaw.Generated.OciRaw_Client_Tests_Json_ReadonlyVector_Json;
using EmptyJson = OciRaw.Generated.OciRaw_Client_Tests_Json_EmptyDto_Json;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>Services add members over time: unknown ones are skipped wherever they are and whatever they hold.</summary>
public sealed class UnknownMemberTests
{
    [Fact]
    public void Unknown_members_of_every_kind_are_skipped_at_every_level()
    {
        const string json = """
            {"__a":1,"name":"root","__b":{"x":[1,{"y":null}],"z":{"w":"v"}},"value":7,"__c":[[],[{}],"s",true,false,null,-1.5e10],
             "children":[{"__d":true,"name":"c0","__e":null},{"name":"c1","children":[],"__f":-1.5e10}],
             "named":{"k":{"__g":{"name":"not me"},"name":"k1"}},
             "next":{"name":"n","__h":"\"name\":\"evil\" } ] {"},"__i":{},"__j":[]}
            """;

        TreeNode tree = Read(json, TreeJson.Read);

        Assert.Equal("root", tree.Name);
        Assert.Equal(7, tree.Value);
        Assert.Equal(["c0", "c1"], tree.Children!.Select(c => c.Name));
        Assert.Empty(tree.Children![1].Children!);
        Assert.Equal("k1", tree.Named!["k"].Name);
        Assert.Equal("n", tree.Next!.Name);
        Assert.Equal(Stj.Canonical(StjRead<TreeNode>(json)), Stj.Canonical(tree));
    }

    [Fact]
    public void Deeply_nested_unknown_values_are_skipped()
    {
        // 60 levels: within the reader's default limit of 64 together with the enclosing object.
        string deep = string.Concat(Enumerable.Repeat("[{\"a\":", 30)) + "null" + string.Concat(Enumerable.Repeat("}]", 30));
        string json = "{\"__deep\":" + deep + ",\"name\":\"after\"}";

        Assert.Equal("after", Read(json, TreeJson.Read).Name);
    }

    [Fact]
    public void Member_names_match_after_unescaping_and_case_sensitively_like_System_Text_Json()
    {
        const string json = """{"n\u0061me":"escaped","Value":99,"VALUE":98,"value":1}""";

        TreeNode tree = Read(json, TreeJson.Read);

        Assert.Equal("escaped", tree.Name);
        Assert.Equal(1, tree.Value);
        Assert.Equal(Stj.Canonical(StjRead<TreeNode>(json)), Stj.Canonical(tree));
    }

    [Fact]
    public void Unknown_members_are_skipped_for_records_structs_and_empty_types()
    {
        const string record = """{"__x":{"a":[1]},"name":"r","count":3,"when":"2024-01-02T03:04:05+01:00","__y":[],"state":"ACTIVE"}""";
        const string vector = """{"z":3.5,"x":1.5,"y":2.5,"__nested":{"x":100}}""";
        const string empty = """{"a":1,"b":{"c":[{}]}}""";

        Assert.Equal(StjRead<PositionalRecord>(record), Read(record, RecordJson.Read));
        Assert.Equal(new ReadonlyVector(1.5, 2.5, null), Read(vector, VectorJson.Read));
        Assert.NotNull(Read(empty, EmptyJson.Read));
    }

    [Fact]
    public void Duplicate_members_keep_the_last_value_like_System_Text_Json()
    {
        const string json = """{"name":"first","value":1,"name":"second","children":[{"name":"a"}],"children":null}""";

        TreeNode tree = Read(json, TreeJson.Read);

        Assert.Equal("second", tree.Name);
        Assert.Null(tree.Children);
        Assert.Equal(Stj.Canonical(StjRead<TreeNode>(json)), Stj.Canonical(tree));
    }
}
