namespace OciRaw.Generator.Model;

/// <summary>Everything the emitter needs for one annotated partial interface; holds no Roslyn objects.</summary>
internal sealed record InterfaceModel(
    string? Namespace,
    string Name,
    string TypeName,
    string HintName,
    EquatableArray<MethodModel> Methods,
    EquatableArray<JsonTypeModel> JsonTypes);

/// <summary>What a method returns and how the response is turned into it.</summary>
internal enum ReturnKind
{
    Task,
    Data,
    Response,
    HttpResponseMessage,
    String,
    Stream,
    AsyncEnumerable,

    /// <summary><c>IAsyncEnumerable&lt;OciResponse&lt;TPage&gt;&gt;</c>: every page whole, with its headers.</summary>
    AsyncEnumerablePages,
    /// <summary><c>Task&lt;OciResponse&gt;</c>: the status and headers, no body.</summary>
    ResponseOnly,

    /// <summary><c>Task&lt;TResult&gt;</c> of a class with <c>[OciHeader]</c> / <c>[OciBody]</c> properties (<see cref="MethodModel.Result"/>).</summary>
    HeaderResult,
}

/// <summary>
/// One endpoint method. A method with <see cref="Unsupported"/> set gets a body that throws. The data type is the <c>T</c>
/// of <c>Task&lt;T&gt;</c>, <c>Task&lt;OciResponse&lt;T&gt;&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>:
/// <see cref="DataTypeName"/> spells it as declared (annotations included), and <see cref="DataAcceptsNull"/> says whether
/// it accepts null, which decides what a 2xx response without a body becomes: null, or an exception.
/// </summary>
internal sealed record MethodModel(
    string Name,
    string ReturnTypeName,
    ReturnKind ReturnKind,
    TypeShape? DataShape,
    string? DataTypeName,
    bool DataAcceptsNull,
    string Verb,
    EquatableArray<RoutePart> Route,
    EquatableArray<ParameterModel> Parameters,
    string? Unsupported,
    ResultModel? Result = null,
    bool ExcludeBodyFromSignature = false);

/// <summary>A piece of a route: literal text, or the name of the parameter whose value goes there.</summary>
internal sealed record RoutePart(bool IsParameter, string Text);

/// <summary>Where a parameter's value goes.</summary>
internal enum ParameterKind
{
    Path,
    Query,
    Header,
    Body,
    CancellationToken,

    /// <summary><c>[OciHeader("prefix-*")]</c> on a string dictionary: one header per entry.</summary>
    HeaderMap,

    /// <summary>A content header (<c>content-type</c>, <c>content-md5</c>, ...) set on the raw body.</summary>
    ContentHeader,

    /// <summary>A <c>Stream</c>, <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>HttpContent</c> body, sent as is.</summary>
    RawBody,
}

/// <summary>One method parameter and its binding; <see cref="IsCsv"/>: a query collection sent as one comma-joined value.</summary>
internal sealed record ParameterModel(
    string Identifier,
    string TypeName,
    ParameterKind Kind,
    string WireName,
    TypeShape? Shape,
    bool IsNullable,
    bool IsCsv = false);
