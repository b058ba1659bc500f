namespace OciRaw.Generator.Model;

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
