using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>
/// One endpoint method. A method with <see cref="Unsupported"/> set gets a body that throws. The data type is the <c>T</c>
/// of <c>Task&lt;T&gt;</c>, <c>Task&lt;OciResponse&lt;T&gt;&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>:
/// <see cref="DataTypeName"/> spells it as declared (annotations included), and <see cref="DataAcceptsNull"/> says whether
/// it accepts null, which decides what a 2xx response without a body becomes: null, or an exception.
/// </summary>
[DebuggerDisplay("{Verb,nq} {Name,nq} ({ReturnKind})")]
internal sealed record MethodModel
{
    public required string Name { get; init; }

    /// <summary>The declared return type, fully qualified with nullable annotations.</summary>
    public required string ReturnTypeName { get; init; }

    public required ReturnKind ReturnKind { get; init; }

    /// <summary>How the data type maps to JSON; null when the method returns no data.</summary>
    public TypeShape? DataShape { get; init; }

    public string? DataTypeName { get; init; }

    public bool DataAcceptsNull { get; init; }

    /// <summary>The HTTP method in upper case (<c>GET</c>); empty for an unsupported method.</summary>
    public required string Verb { get; init; }

    public required EquatableArray<RoutePart> Route { get; init; }

    /// <summary>Every declared parameter, in order, with its binding.</summary>
    public required EquatableArray<ParameterModel> Parameters { get; init; }

    /// <summary>Why the method cannot be generated (the body throws with it), or null.</summary>
    public string? Unsupported { get; init; }

    /// <summary>The header-bound result class of a <see cref="ReturnKind.HeaderResult"/> method.</summary>
    public ResultModel? Result { get; init; }

    public bool ExcludeBodyFromSignature { get; init; }
}
