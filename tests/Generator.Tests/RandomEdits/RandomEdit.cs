namespace OciRaw.Generator.Tests.RandomEdits;

/// <summary>
/// One random change to a <see cref="RandomProject"/>, of the kinds a person makes while working: a keystroke in a
/// method body, a DTO member added, removed, retyped or renamed on the wire, an attribute toggled, a class turned into a
/// record, a namespace renamed, an endpoint added, removed or rerouted, a file added or deleted.
/// </summary>
internal static class RandomEdit
{
    private static readonly Func<RandomProject, Random, string?>[] Kinds =
    [
        TypeInAMethodBody,
        AddDtoMember,
        RemoveDtoMember,
        RetypeDtoMember,
        ToggleWireName,
        ToggleJsonIgnore,
        ToggleRecord,
        RenameDtoNamespace,
        AddEndpoint,
        RemoveEndpoint,
        RerouteEndpoint,
        AddDtoFile,
        DeleteDtoFile,
        AddUnrelatedFile,
        DeleteUnrelatedFile,
        AddApiFile,
    ];

    /// <summary>Applies one edit and says what it did (for the failure message); tries kinds until one applies.</summary>
    public static string Apply(RandomProject project, Random random)
    {
        while (true)
        {
            if (Kinds[random.Next(Kinds.Length)](project, random) is { } description)
            {
                return description;
            }
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string? TypeInAMethodBody(RandomProject project, Random random)
    {
        if (project.Unrelated.Count == 0)
        {
            return null;
        }

        UnrelatedFile file = Pick(random, project.Unrelated);
        file.Value++;
        return $"typed in {file.FileName}";
    }

    private static string? AddDtoMember(RandomProject project, Random random)
    {
        DtoFile dto = Pick(random, project.Dtos);
        string name = "Member" + random.Next(1000);
        if (dto.Members.Any(member => member.Name == name))
        {
            return null;
        }

        dto.Members.Add(new DtoMember(name, Pick(random, project.TypeChoices())));
        return $"added {dto.Name}.{name}";
    }

    private static string? RemoveDtoMember(RandomProject project, Random random)
    {
        DtoFile dto = Pick(random, project.Dtos);
        if (dto.Members.Count == 0)
        {
            return null;
        }

        DtoMember member = Pick(random, dto.Members);
        dto.Members.Remove(member);
        return $"removed {dto.Name}.{member.Name}";
    }

    private static string? RetypeDtoMember(RandomProject project, Random random) =>
        ReplaceMember(project, random, member => member with { Type = Pick(random, project.TypeChoices()) }, "retyped");

    private static string? ToggleWireName(RandomProject project, Random random) =>
        ReplaceMember(project, random, member => member with { WireName = member.WireName is null ? "wire_" + member.Name : null }, "toggled [JsonPropertyName] on");

    private static string? ToggleJsonIgnore(RandomProject project, Random random) =>
        ReplaceMember(project, random, member => member with { Ignored = !member.Ignored }, "toggled [JsonIgnore] on");

    private static string? ReplaceMember(RandomProject project, Random random, Func<DtoMember, DtoMember> change, string verb)
    {
        DtoFile dto = Pick(random, project.Dtos);
        if (dto.Members.Count == 0)
        {
            return null;
        }

        int index = random.Next(dto.Members.Count);
        dto.Members[index] = change(dto.Members[index]);
        return $"{verb} {dto.Name}.{dto.Members[index].Name} ({dto.Members[index].Render()})";
    }

    private static string? ToggleRecord(RandomProject project, Random random)
    {
        DtoFile dto = Pick(random, project.Dtos);
        dto.IsRecord = !dto.IsRecord;
        return $"made {dto.Name} a {(dto.IsRecord ? "record" : "class")}";
    }

    private static string? RenameDtoNamespace(RandomProject project, Random random)
    {
        DtoFile dto = Pick(random, project.Dtos);
        string renamed = Pick(random, ["Models", "Models.V2", "Other"]);
        if (renamed == dto.Namespace)
        {
            return null;
        }

        dto.Namespace = renamed;
        return $"moved {dto.Name} to namespace {renamed}";
    }

    private static string? AddEndpoint(RandomProject project, Random random)
    {
        ApiFile api = Pick(random, project.Apis);
        string name = "Call" + random.Next(1000);
        if (api.Methods.Any(method => method.Name == name))
        {
            return null;
        }

        bool hasBody = random.Next(2) == 0;
        string route = hasBody ? $"POST /{name.ToLowerInvariant()}" : $"GET /{name.ToLowerInvariant()}/{{id}}";
        string result = Pick(random, project.Dtos).Name;
        api.Methods.Add(new ApiMethod(name, route, result, hasBody));
        return $"added {api.Name}.{name} ({route} -> {result})";
    }

    private static string? RemoveEndpoint(RandomProject project, Random random)
    {
        ApiFile api = Pick(random, project.Apis);
        if (api.Methods.Count <= 1)
        {
            return null;
        }

        ApiMethod method = Pick(random, api.Methods);
        api.Methods.Remove(method);
        return $"removed {api.Name}.{method.Name}";
    }

    private static string? RerouteEndpoint(RandomProject project, Random random)
    {
        ApiFile api = Pick(random, project.Apis);
        int index = random.Next(api.Methods.Count);
        ApiMethod method = api.Methods[index];
        string route = method.HasBody ? $"PUT /v{random.Next(9)}/things" : $"GET /v{random.Next(9)}/things/{{id}}";
        api.Methods[index] = method with { Route = route };
        return $"rerouted {api.Name}.{method.Name} to {route}";
    }

    private static string? AddDtoFile(RandomProject project, Random random)
    {
        string name = "Extra" + random.Next(1000);
        if (project.Dtos.Any(dto => dto.Name == name))
        {
            return null;
        }

        var dto = new DtoFile(name + ".cs", Pick(random, ["Models", "Other"]), name);
        dto.Members.Add(new DtoMember("Value", Pick(random, project.TypeChoices())));
        project.Dtos.Add(dto);
        return $"added file {dto.FileName}";
    }

    private static string? DeleteDtoFile(RandomProject project, Random random)
    {
        // A DTO still used by an endpoint or a member stays; deleting it would only test error recovery.
        DtoFile[] unused = project.Dtos.Where(dto =>
            !project.Apis.Any(api => api.Methods.Any(method => method.Result == dto.Name))
            && !project.Dtos.Any(other => other.Members.Any(member => member.Type == dto.Name + "?"))).ToArray();
        if (unused.Length == 0)
        {
            return null;
        }

        DtoFile deleted = Pick(random, unused);
        project.Dtos.Remove(deleted);
        return $"deleted file {deleted.FileName}";
    }

    private static string? AddUnrelatedFile(RandomProject project, Random random)
    {
        string name = "Worker" + random.Next(1000);
        if (project.Unrelated.Any(file => file.ClassName == name))
        {
            return null;
        }

        project.Unrelated.Add(new UnrelatedFile(name + ".cs", name, random.Next(100)));
        return $"added file {name}.cs";
    }

    private static string? DeleteUnrelatedFile(RandomProject project, Random random)
    {
        if (project.Unrelated.Count == 0)
        {
            return null;
        }

        UnrelatedFile deleted = Pick(random, project.Unrelated);
        project.Unrelated.Remove(deleted);
        return $"deleted file {deleted.FileName}";
    }

    private static string? AddApiFile(RandomProject project, Random random)
    {
        string name = "IApi" + random.Next(1000);
        if (project.Apis.Any(api => api.Name == name) || project.Apis.Count >= 5)
        {
            return null;
        }

        var api = new ApiFile(name + ".cs", name);
        api.Methods.Add(new ApiMethod("Get", "GET /" + name.ToLowerInvariant() + "/{id}", Pick(random, project.Dtos).Name, HasBody: false));
        project.Apis.Add(api);
        return $"added file {api.FileName}";
    }
}
