using System.Globalization;
using OciRaw.Generator.Emitting;

namespace OciRaw.Generator.Tests;

/// <summary>The writer the emitters write generated code with: indentation, interpolated lines, rewinding.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Interpolated_lines_are_indented_formatted_invariantly_and_empty_ones_carry_no_indentation()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a decimal comma, as a compiler may run with
        try
        {
            var w = new SourceWriter();
            string empty = string.Empty;
            w.Open($"class {"C"}");
            w.Line($"const double D = {1.5};");
            w.Line($"const int N = {-1234};");
            w.Line($"{empty}");
            w.Close();

            Assert.Equal("class C\n{\n    const double D = 1.5;\n    const int N = -1234;\n\n}\n", w.ToSourceText().ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Rewinding_drops_a_part_and_restores_its_indentation()
    {
        var w = new SourceWriter();
        w.Open("namespace N");
        SourceWriter.Checkpoint before = w.Mark();
        w.Open("class Broken").Line("half");

        w.RewindTo(before);
        w.Line("class Whole { }").Close();

        Assert.Equal("namespace N\n{\n    class Whole { }\n}\n", w.ToSourceText().ToString());
        Assert.Throws<InvalidOperationException>(() => w.Line("after"));
    }
}
