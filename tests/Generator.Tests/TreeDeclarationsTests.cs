using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Tests;

/// <summary>
/// What a declaration fingerprint must see and may ignore. A change it ignores wrongly would leave a stale client or
/// serializer in the build; a change it sees needlessly costs a re-parse on that keystroke.
/// </summary>
public sealed class TreeDeclarationsTests
{
    private const string Before = """
        using System.Text.Json.Serialization;
        namespace Sample;
        #nullable enable
        public sealed class Dto
        {
            private int _count = 1;
            [JsonPropertyName("name")] public string? Name { get; set; }
            public int Count { get => _count; set { _count = value; } }
            public int Twice => _count * 2;
            public Dto() { _count = 3; }
            public void Touch(int by = 1) { _count += by; }
            public int Read() => _count;
        }
        public sealed class Other { public string Text { get; set; } = ""; }
        public enum Color { Red = 1, Green = 2 }
        #if NEVER_DEFINED
        public sealed class Hidden { }
        #endif
        """;

    public static TheoryData<string, string, string> IgnoredEdits => new()
    {
        { "a statement in a method body", "_count += by;", "_count += by + 0;" },
        { "an expression-bodied method", "public int Read() => _count;", "public int Read() => _count + 1;" },
        { "an accessor body", "set { _count = value; }", "set { _count = value * 1; }" },
        { "an expression-bodied property", "public int Twice => _count * 2;", "public int Twice => _count + _count;" },
        { "a constructor body", "public Dto() { _count = 3; }", "public Dto() { _count = 4; }" },
        { "a comment", "namespace Sample;", "namespace Sample; // users" },
        { "whitespace and line breaks", "public sealed class Other {", "public sealed class Other\n{" },
        { "text in an inactive #if region", "public sealed class Hidden { }", "public sealed class Hidden { public int X; }" },
    };

    public static TheoryData<string, string, string> SeenEdits => new()
    {
        { "a property type", "public string? Name", "public object? Name" },
        { "a property initializer", "public string Text { get; set; } = \"\";", "public string Text { get; set; }" },
        { "a field initializer", "private int _count = 1;", "private int _count = 2;" },
        { "an attribute argument", "[JsonPropertyName(\"name\")]", "[JsonPropertyName(\"userName\")]" },
        { "a default parameter value", "int by = 1", "int by = 2" },
        { "an enum member value", "Green = 2", "Green = 3" },
        { "a body turned into a semicolon", "public void Touch(int by = 1) { _count += by; }", "public void Touch(int by = 1);" },
        { "a #nullable directive removed", "#nullable enable\npublic sealed class Dto", "public sealed class Dto" },
        { "a #nullable directive inside a body, which changes the declarations after it", "{ _count += by; }", "{\n#nullable disable\n _count += by; }" },
        { "an #if condition", "#if NEVER_DEFINED", "#if !NEVER_DEFINED" },
        { "a new member", "public int Read() => _count;", "public int Read() => _count; public int Age { get; set; }" },
    };

    [Theory]
    [MemberData(nameof(IgnoredEdits))]
    public void Ignores_edits_no_declaration_can_see(string edit, string from, string to)
    {
        Assert.True(Before.Contains(from, StringComparison.Ordinal), $"Test setup: '{from}' is not in the source ({edit}).");

        Assert.Equal(Fingerprint(Before), Fingerprint(Before.Replace(from, to, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(SeenEdits))]
    public void Sees_edits_that_can_change_a_declaration(string edit, string from, string to)
    {
        Assert.True(Before.Contains(from, StringComparison.Ordinal), $"Test setup: '{from}' is not in the source ({edit}).");

        Assert.NotEqual(Fingerprint(Before), Fingerprint(Before.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void Sees_the_file_path_and_the_language_version()
    {
        Fingerprint original = Fingerprint(Before);

        Assert.NotEqual(original, Fingerprint(Before, path: "Elsewhere.cs"));
        Assert.NotEqual(original, Fingerprint(Before, new CSharpParseOptions(LanguageVersion.CSharp11)));
        Assert.NotEqual(original, Fingerprint(Before, TestCompilation.ParseOptions.WithPreprocessorSymbols("NEVER_DEFINED")));
    }

    [Fact]
    public void Sees_a_directive_move_to_another_place_among_the_same_tokens()
    {
        const string first = "#nullable disable\nclass A { string X; }\nclass B { }\n";
        const string moved = "class A { string X; }\n#nullable disable\nclass B { }\n";

        Assert.NotEqual(Fingerprint(first), Fingerprint(moved));
    }

    [Fact]
    public void Top_level_statements_are_bodies()
    {
        const string program = "System.Console.WriteLine(1);\nclass Helper { }\n";

        Assert.Equal(Fingerprint(program), Fingerprint(program.Replace("(1)", "(2)", StringComparison.Ordinal)));
        Assert.NotEqual(Fingerprint(program), Fingerprint(program.Replace("class Helper", "class Helper2", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string, string> EditsNameLookupCannotSee => new()
    {
        { "a member added", "public int Read() => _count;", "public int Read() => _count; public int Age { get; set; }" },
        { "a member renamed", "public void Touch(", "public void Poke(" },
        { "a property type", "public string? Name", "public object? Name" },
        { "an attribute on a member", "[JsonPropertyName(\"name\")]", "[JsonPropertyName(\"userName\")]" },
        { "a method body", "_count += by;", "_count -= by;" },
    };

    public static TheoryData<string, string, string> EditsNameLookupCanSee => new()
    {
        { "a type added", "public enum Color", "public sealed class Added { } public enum Color" },
        { "a type renamed", "public sealed class Other", "public sealed class Another" },
        { "a type made generic", "public sealed class Other", "public sealed class Other<T>" },
        { "a type's accessibility", "public sealed class Other", "internal sealed class Other" },
        { "a nested type", "public int Read() => _count;", "public int Read() => _count; public sealed class Nested { }" },
        { "a using directive", "using System.Text.Json.Serialization;", "using System.Text.Json.Serialization;\nusing System.Text;" },
        { "a using alias", "using System.Text.Json.Serialization;", "using System.Text.Json.Serialization;\nusing Other = System.Text.StringBuilder;" },
        { "the namespace", "namespace Sample;", "namespace Sample.Inner;" },
        { "an assembly attribute", "namespace Sample;", "[assembly: System.CLSCompliant(false)]\nnamespace Sample;" },
    };

    [Theory]
    [MemberData(nameof(EditsNameLookupCannotSee))]
    public void Names_ignore_edits_that_cannot_change_what_a_name_elsewhere_binds_to(string edit, string from, string to)
    {
        Assert.True(Before.Contains(from, StringComparison.Ordinal), $"Test setup: '{from}' is not in the source ({edit}).");

        Assert.Equal(Read(Before).Names, Read(Before.Replace(from, to, StringComparison.Ordinal)).Names);
    }

    [Theory]
    [MemberData(nameof(EditsNameLookupCanSee))]
    public void Names_see_edits_that_can_change_what_a_name_elsewhere_binds_to(string edit, string from, string to)
    {
        Assert.True(Before.Contains(from, StringComparison.Ordinal), $"Test setup: '{from}' is not in the source ({edit}).");

        Assert.NotEqual(Read(Before).Names, Read(Before.Replace(from, to, StringComparison.Ordinal)).Names);
    }

    [Fact]
    public void Lists_declared_types_and_aliases_and_the_names_declarations_mention()
    {
        TreeDeclarations read = Read("""
            using Alias = System.Text.StringBuilder;
            namespace Sample;
            [Marker] public sealed class Outer : Base
            {
                public Widget? Part { get; set; } = Defaults.Part;
                public int Count() { return Hidden.Value; }
                public sealed class Inner { }
                public delegate void Handler();
            }
            public enum Color { Red }
            """);

        Assert.Equal(["Alias", "Color", "Handler", "Inner", "Outer"], read.DeclaredTypes.Order(StringComparer.Ordinal));
        Assert.Subset(read.ReferencedNames.ToHashSet(), new HashSet<string> { "Base", "Widget", "Defaults", "Part", "Marker", "MarkerAttribute", "Sample", "StringBuilder" });
        Assert.DoesNotContain("Hidden", read.ReferencedNames);
        Assert.DoesNotContain("WidgetAttribute", read.ReferencedNames);
    }

    [Fact]
    public void Is_computed_once_per_tree()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Before, TestCompilation.ParseOptions, "Dto.cs");

        Assert.Same(TreeDeclarations.Of(tree, CancellationToken.None), TreeDeclarations.Of(tree, CancellationToken.None));
    }

    private static TreeDeclarations Read(string source) =>
        TreeDeclarations.Of(CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, "Dto.cs"), CancellationToken.None);

    private static Fingerprint Fingerprint(string source, CSharpParseOptions? options = null, string path = "Dto.cs") =>
        TreeDeclarations.Of(CSharpSyntaxTree.ParseText(source, options ?? TestCompilation.ParseOptions, path), CancellationToken.None).Declarations;
}
