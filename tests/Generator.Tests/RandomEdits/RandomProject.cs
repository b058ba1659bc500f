using System.Globalization;
using System.Text;

namespace OciRaw.Generator.Tests.RandomEdits;

/// <summary>
/// A small project of DTO files, [OciEndpoint] interface files and unrelated files, kept as data so that random edits
/// (<see cref="RandomEdit"/>) can change it and <see cref="Render"/> can turn it back into sources. Every rendering is
/// meant to compile, but nothing depends on it: the differential test only needs incremental and fresh runs to agree.
/// </summary>
internal sealed class RandomProject
{
    public List<DtoFile> Dtos { get; } = [];

    public List<ApiFile> Apis { get; } = [];

    public List<UnrelatedFile> Unrelated { get; } = [];

    /// <summary>Every DTO namespace in use; each interface file imports them all, so a renamed namespace still binds.</summary>
    public IEnumerable<string> DtoNamespaces => Dtos.Select(dto => dto.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public static RandomProject Start()
    {
        var project = new RandomProject();
        project.Dtos.Add(new DtoFile("Dto0.cs", "Models", "User") { Members = { new DtoMember("Name", "string?"), new DtoMember("Age", "int") } });
        project.Dtos.Add(new DtoFile("Dto1.cs", "Models", "Group") { Members = { new DtoMember("Owner", "User?"), new DtoMember("Tags", "List<string>?") } });
        project.Apis.Add(new ApiFile("Api0.cs", "IUsers") { Methods = { new ApiMethod("GetUser", "GET /users/{id}", "User", HasBody: false) } });
        project.Apis.Add(new ApiFile("Api1.cs", "IGroups") { Methods = { new ApiMethod("CreateGroup", "POST /groups", "Group", HasBody: true) } });
        project.Unrelated.Add(new UnrelatedFile("Work0.cs", "Worker0", 1));
        return project;
    }

    /// <summary>File name to source text.</summary>
    public SortedDictionary<string, string> Render()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DtoFile dto in Dtos)
        {
            files[dto.FileName] = dto.Render(DtoNamespaces);
        }

        foreach (ApiFile api in Apis)
        {
            files[api.FileName] = api.Render(DtoNamespaces);
        }

        foreach (UnrelatedFile file in Unrelated)
        {
            files[file.FileName] = file.Render();
        }

        return files;
    }

    /// <summary>The type names a member or result may use: every DTO plus a few built-in shapes.</summary>
    public IReadOnlyList<string> TypeChoices() =>
        [.. Dtos.Select(dto => dto.Name + "?"), "string?", "int", "long?", "bool", "DateTimeOffset?", "List<string>?", "Dictionary<string, int>?"];
}

internal sealed class DtoFile(string fileName, string ns, string name)
{
    public string FileName { get; } = fileName;

    public string Namespace { get; set; } = ns;

    public string Name { get; } = name;

    public bool IsRecord { get; set; }

    public List<DtoMember> Members { get; } = [];

    public string Render(IEnumerable<string> allNamespaces)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Text.Json.Serialization;");
        foreach (string other in allNamespaces.Where(other => other != Namespace))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"using {other};");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"namespace {Namespace};");
        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed {(IsRecord ? "record" : "class")} {Name}");
        text.AppendLine("{");
        foreach (DtoMember member in Members)
        {
            text.AppendLine("    " + member.Render());
        }

        text.AppendLine("}");
        return text.ToString();
    }
}

internal sealed record DtoMember(string Name, string Type, string? WireName = null, bool Ignored = false)
{
    public string Render()
    {
        string attributes = (WireName is null ? string.Empty : $"[JsonPropertyName(\"{WireName}\")] ")
            + (Ignored ? "[JsonIgnore] " : string.Empty);
        return $"{attributes}public {Type} {Name} {{ get; set; }}";
    }
}

internal sealed class ApiFile(string fileName, string name)
{
    public string FileName { get; } = fileName;

    public string Name { get; } = name;

    public List<ApiMethod> Methods { get; } = [];

    public string Render(IEnumerable<string> dtoNamespaces)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Threading;");
        text.AppendLine("using System.Threading.Tasks;");
        text.AppendLine("using OciRaw;");
        foreach (string ns in dtoNamespaces)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"using {ns};");
        }

        text.AppendLine("namespace Api;");
        text.AppendLine(CultureInfo.InvariantCulture, $"public partial interface {Name}");
        text.AppendLine("{");
        foreach (ApiMethod method in Methods)
        {
            text.AppendLine("    " + method.Render());
        }

        text.AppendLine("}");
        return text.ToString();
    }
}

internal sealed record ApiMethod(string Name, string Route, string Result, bool HasBody)
{
    public string Render()
    {
        var parameters = new List<string>();
        if (Route.Contains("{id}", StringComparison.Ordinal))
        {
            parameters.Add("string id");
        }

        if (HasBody)
        {
            parameters.Add($"[OciBody] {Result.TrimEnd('?')} body");
        }

        parameters.Add("CancellationToken cancellationToken = default");
        return $"[OciEndpoint(\"{Route}\")] Task<{Result}> {Name}({string.Join(", ", parameters)});";
    }
}

internal sealed class UnrelatedFile(string fileName, string className, int value)
{
    public string FileName { get; } = fileName;

    public string ClassName { get; } = className;

    public int Value { get; set; } = value;

    public string Render() =>
        $"namespace Unrelated;\npublic static class {ClassName}\n{{\n    public static int Work() {{ return {Value}; }}\n}}\n";
}
