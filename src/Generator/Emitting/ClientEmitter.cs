using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Emits the partial interface part that adds <c>Create(HttpClient)</c>, and the private nested class that implements
/// every endpoint: build the URI, headers and JSON body, send through the caller's HttpClient (and so through
/// <c>OciSigningHandler</c>), and read the response with generated JSON code.
/// </summary>
internal sealed class ClientEmitter
{
    private const string Runtime = "global::OciRaw.Infrastructure.OciClientRuntime";
    private const string Http = "global::System.Net.Http";
    private const string Json = "global::System.Text.Json";

    private readonly InterfaceModel _model;
    private readonly SourceWriter _w = new();
    private readonly List<(TypeShape Shape, bool IsRead, string Name)> _helpers = new();
    private readonly EmittedNames _helperNames;

    private ClientEmitter(InterfaceModel model)
    {
        _model = model;
        _helperNames = new EmittedNames(ParameterNames(model));
    }

    public static SourceText Emit(InterfaceModel model) => new ClientEmitter(model).Emit();

    private SourceText Emit()
    {
        FileHeader.Write(_w, "#nullable enable");
        if (_model.Namespace is { } ns)
        {
            _w.Open($"namespace {ns}");
        }

        _w.Open($"partial interface {_model.Name} : global::OciRaw.IOciClient<{_model.TypeName}>");
        _w.Line($"static {_model.TypeName} global::OciRaw.IOciClient<{_model.TypeName}>.CreateClient({Http}.HttpClient httpClient) => Create(httpClient);");
        _w.Line();
        _w.Line("/// <summary>");
        _w.Line($"/// Creates the generated <see cref=\"{_model.Name}\"/> client. Calls go through <paramref name=\"httpClient\"/>, whose");
        _w.Line("/// <c>BaseAddress</c> is the service endpoint and whose handler signs requests (an <c>OciSigningHandler</c>).");
        _w.Line("/// </summary>");
        _w.Line($"public static {_model.TypeName} Create({Http}.HttpClient httpClient) =>");
        _w.Indent().Line($"new {GeneratedNames.ClientClass}({Runtime}.RequireHttpClient(httpClient, {Naming.Literal(_model.Name)}));").Outdent();
        _w.Line();
        EmitEndpointFactory();
        _w.Line();
        FileHeader.WriteClassAttributes(_w);
        _w.Open($"private sealed class {GeneratedNames.ClientClass} : {_model.TypeName}");
        _w.Line($"private readonly {Http}.HttpClient _httpClient;");
        _w.Line();
        _w.Open($"public {GeneratedNames.ClientClass}({Http}.HttpClient httpClient)");
        _w.Line("_httpClient = httpClient;");
        _w.Close();
        foreach (MethodModel method in _model.Methods)
        {
            _w.Line();
            EmitMethod(method);
        }

        EmitHelpers();
        _w.Close();
        _w.Close();
        if (_model.Namespace is not null)
        {
            _w.Close();
        }

        return _w.ToSourceText();
    }

    /// <summary>
    /// <c>Create(OciSigner, Uri, OciClientOptions?)</c>: the production pipeline (retry, signing, standard headers) at an
    /// endpoint given whole. Every client gets it, because not every service has a regional host for
    /// <c>[OciService]</c> to build: Identity Domains live at a URL per domain, and the subscriptions service (osub) at one
    /// global host.
    /// </summary>
    private void EmitEndpointFactory()
    {
        _w.Line("/// <summary>");
        _w.Line($"/// Creates the generated <see cref=\"{_model.Name}\"/> client for the service at <paramref name=\"endpoint\"/>, such as an");
        _w.Line("/// Identity Domain's URL or a service's global host, with OCI's retry policy and every request signed by");
        _w.Line("/// <paramref name=\"signer\"/>.");
        _w.Line("/// </summary>");
        _w.Line($"public static {_model.TypeName} Create(global::OciRaw.OciSigner signer, global::System.Uri endpoint, global::OciRaw.OciClientOptions? options = null) =>");
        _w.Indent().Line($"Create(global::OciRaw.Infrastructure.OciServicePipeline.CreateHttpClient(signer ?? throw new global::System.ArgumentNullException(nameof(signer)), endpoint, options));").Outdent();
    }

    private void EmitMethod(MethodModel method)
    {
        var signature = new List<string>();
        foreach (ParameterModel parameter in method.Parameters)
        {
            signature.Add($"{parameter.TypeName} {parameter.Identifier}");
        }

        string header = $"{method.ReturnTypeName} {_model.TypeName}.{method.Name}({string.Join(", ", signature)})";
        if (method.Unsupported is { } problem)
        {
            _w.Line($"{header} =>");
            _w.Indent().Line($"throw new global::System.NotSupportedException({Naming.Literal(problem)});").Outdent();
            return;
        }

        string token = CancellationTokenOf(method);
        if (method.ReturnKind is ReturnKind.AsyncEnumerable or ReturnKind.AsyncEnumerablePages)
        {
            EmitPagedMethod(method, header, token);
            return;
        }

        _w.Open("async " + header);
        EmitRequest(method);
        // Bodies are read straight from the connection into a pooled buffer; only the raw HttpResponseMessage, which the
        // caller reads as it likes, is handed over with its content already buffered.
        string completion = method.ReturnKind == ReturnKind.HttpResponseMessage ? "ResponseContentRead" : "ResponseHeadersRead";
        string send = $"await {Runtime}.SendAsync(_httpClient, __request, {Http}.HttpCompletionOption.{completion}, {token}).ConfigureAwait(false)";
        switch (method.ReturnKind)
        {
            case ReturnKind.Task:
                _w.Line($"using var __response = {send};");
                _w.Line($"await {Runtime}.EnsureSuccessAsync(__response, {token}).ConfigureAwait(false);");
                break;
            case ReturnKind.HttpResponseMessage:
                _w.Line($"return {send};");
                break;
            case ReturnKind.String:
                _w.Line($"using var __response = {send};");
                _w.Line($"return await {Runtime}.ReadStringAsync(__response, {token}).ConfigureAwait(false);");
                break;
            case ReturnKind.Stream:
                _w.Line($"var __response = {send};");
                _w.Line($"return await {Runtime}.ReadStreamAsync(__response, {token}).ConfigureAwait(false);");
                break;
            case ReturnKind.ResponseOnly:
                _w.Line($"using var __response = {send};");
                _w.Line($"return await {Runtime}.ReadResponseAsync(__response, {token}).ConfigureAwait(false);");
                break;
            case ReturnKind.HeaderResult:
                ResultEmitter.Emit(_w, method.Result!, send, token, ReadHelper);
                break;
            case ReturnKind.Response:
                _w.Line($"using var __response = {send};");
                _w.Line($"return await {Runtime}.ReadResponseAsync{DataTypeArgument(method)}(__response, {ReadHelper(method.DataShape!)}, {AllowEmptyBody(method)}, {token}).ConfigureAwait(false);");
                break;
            default:
                _w.Line($"using var __response = {send};");
                _w.Line($"return await {Runtime}.ReadJsonAsync(__response, {ReadHelper(method.DataShape!)}, {AllowEmptyBody(method)}, {token}).ConfigureAwait(false);");
                break;
        }

        _w.Close();
    }

    /// <summary>
    /// A paged method is not an iterator: it builds (and so checks) the first page's request when called, and the
    /// runtime pager copies that request for every page. A null path value then throws at the call, not at the first
    /// <c>MoveNextAsync</c>, which may run far from the code that passed it.
    /// </summary>
    private void EmitPagedMethod(MethodModel method, string header, string token)
    {
        _w.Open(header);
        EmitRequest(method);
        if (method.ReturnKind == ReturnKind.AsyncEnumerablePages)
        {
            _w.Line($"return {Runtime}.PaginatePagesAsync{DataTypeArgument(method)}(_httpClient, __request, {ReadHelper(method.DataShape!)}, {AllowEmptyBody(method)}, {token});");
        }
        else
        {
            TypeShape page = new()
            {
                Kind = ShapeKind.List,
                TypeName = $"global::System.Collections.Generic.List<{method.DataShape!.DeclaredName}>",
                DisplayName = $"List<{method.DataShape.DisplayName}>",
                IsValueType = false,
                Element = method.DataShape,
            };
            _w.Line($"return {Runtime}.PaginateAsync(_httpClient, __request, {ReadHelper(page)}, {token});");
        }

        _w.Close();
    }

    /// <summary>Declares <c>__request</c> with its URI, headers and body; every argument is checked here.</summary>
    private void EmitRequest(MethodModel method)
    {
        _w.Line("var __uri = new global::OciRaw.Infrastructure.OciRequestUri();");
        foreach (RoutePart part in method.Route)
        {
            if (!part.IsParameter)
            {
                _w.Line($"__uri.AppendLiteral({Naming.Literal(part.Text)});");
                continue;
            }

            ParameterModel parameter = Find(method, part.Text);
            string value = parameter.Shape!.CanBeNull
                ? $"{parameter.Identifier} ?? throw new global::System.ArgumentNullException(nameof({parameter.Identifier}), \"A path parameter cannot be null.\")"
                : parameter.Identifier;
            _w.Line($"__uri.AppendPathValue({Format(parameter.Shape.NonNullable, value)});");
        }

        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Kind == ParameterKind.Query)
            {
                EmitQuery(parameter);
            }
        }

        _w.Line($"using var __request = new {Http}.HttpRequestMessage({Http}.HttpMethod.{VerbProperty(method.Verb)}, __uri.ToUri(_httpClient));");
        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Kind == ParameterKind.Header)
            {
                EmitHeader(parameter);
            }
            else if (parameter.Kind == ParameterKind.Body)
            {
                EmitBody(parameter);
            }
            else if (parameter.Kind is ParameterKind.HeaderMap or ParameterKind.RawBody)
            {
                RawRequestEmitter.Emit(_w, parameter);
            }
        }

        RawRequestEmitter.EmitContentHeaders(_w, method, EmitAddIfNotNull);
        if (method.DataShape is not null || method.Result?.Members.Any(m => m.Kind == ResultMemberKind.JsonBody) == true) { _w.Line($"{Runtime}.AcceptJson(__request);"); }
    }

    private void EmitQuery(ParameterModel parameter)
    {
        TypeShape shape = parameter.Shape!;
        string name = Naming.Literal(parameter.WireName);
        if (shape.Kind is ShapeKind.List or ShapeKind.Array)
        {
            // Collections repeat the key (?id=a&id=b), or with Csv join the items (?fields=a,b). Null collections and
            // null items are left out.
            string add = parameter.IsCsv ? "AddCsvQueryItem" : "AddQuery";
            _w.Open($"if ({parameter.Identifier} is not null)");
            _w.Open($"foreach (var __item in {parameter.Identifier})");
            EmitAddIfNotNull(shape.Element!, "__item", v => $"__uri.{add}({name}, {v});");
            _w.Close();
            if (parameter.IsCsv)
            {
                _w.Line("__uri.EndCsvQuery();");
            }

            _w.Close();
            return;
        }

        EmitAddIfNotNull(shape, parameter.Identifier, v => $"__uri.AddQuery({name}, {v});");
    }

    /// <summary>
    /// Header values go through <c>OciClientRuntime.AddHeader</c>, which refuses line breaks and leaves out null and
    /// empty strings, so a request without header parameters pays for no check at all.
    /// </summary>
    private void EmitHeader(ParameterModel parameter)
    {
        string add(string v) => $"{Runtime}.AddHeader(__request, {Naming.Literal(parameter.WireName)}, {v}, nameof({parameter.Identifier}));";
        if (parameter.Shape!.Kind is ShapeKind.List or ShapeKind.Array)
        {
            _w.Line(add($"global::OciRaw.Infrastructure.OciRawContent.Join({parameter.Identifier})"));
            return;
        }

        if (parameter.Shape!.Kind == ShapeKind.String)
        {
            // AddHeader skips null itself: no local, no branch.
            _w.Line(add(parameter.Identifier));
            return;
        }

        EmitAddIfNotNull(parameter.Shape, parameter.Identifier, add);
    }

    /// <summary>Emits <paramref name="add"/> for the formatted value, skipping nulls.</summary>
    private void EmitAddIfNotNull(TypeShape shape, string value, System.Func<string, string> add)
    {
        if (!shape.CanBeNull)
        {
            _w.Line(add(Format(shape, value)));
            return;
        }

        string local = "__" + value.TrimStart('@') + "Value";
        _w.Open($"if ({value} is {{ }} {local})");
        _w.Line(add(Format(shape.NonNullable, local)));
        _w.Close();
    }

    private void EmitBody(ParameterModel parameter)
    {
        string content = $"__request.Content = {Runtime}.JsonContent({parameter.Identifier}, {WriteHelper(parameter.Shape!)});";
        if (!parameter.Shape!.CanBeNull)
        {
            _w.Line(content);
            return;
        }

        if (parameter.IsNullable)
        {
            _w.Open($"if ({parameter.Identifier} is not null)");
            _w.Line(content);
            _w.Close();
            return;
        }

        _w.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Identifier});");
        _w.Line(content);
    }

    /// <summary>The <c>allowEmptyBody</c> argument of the runtime's read: a 2xx without a body is null only where null is declared.</summary>
    private static string AllowEmptyBody(MethodModel method) => method.DataAcceptsNull ? "allowEmptyBody: true" : "allowEmptyBody: false";

    /// <summary>
    /// <c>OciResponse&lt;T&gt;</c> is invariant, so its type argument is spelled as declared: inferred from the read
    /// helper, <c>OciResponse&lt;User?&gt;</c> would come out as <c>OciResponse&lt;User&gt;</c>, and the conversion would warn.
    /// </summary>
    private static string DataTypeArgument(MethodModel method) => $"<{method.DataTypeName}>";

    /// <summary>A value as path/query/header text.</summary>
    private static string Format(TypeShape shape, string value) => shape.Kind switch
    {
        ShapeKind.String => value,
        ShapeKind.Enum => $"{shape.SerializerName}.Format({value})",
        _ => $"global::OciRaw.Infrastructure.OciFormat.Format({value})",
    };

    /// <summary>The name of a static helper that reads a whole value of <paramref name="shape"/> (null included).</summary>
    private string ReadHelper(TypeShape shape) => Helper(shape, isRead: true);

    private string WriteHelper(TypeShape shape) => Helper(shape, isRead: false);

    private string Helper(TypeShape shape, bool isRead)
    {
        foreach ((TypeShape known, bool knownIsRead, string name) in _helpers)
        {
            if (knownIsRead == isRead && known == shape)
            {
                return name;
            }
        }

        string helper = _helperNames.Claim(isRead ? "__Read" : "__Write", shape);
        _helpers.Add((shape, isRead, helper));
        return helper;
    }

    /// <summary>A helper is called by its simple name inside the methods, where a parameter of the same name would hide it.</summary>
    private static IEnumerable<string> ParameterNames(InterfaceModel model)
    {
        foreach (MethodModel method in model.Methods)
        {
            foreach (ParameterModel parameter in method.Parameters)
            {
                yield return parameter.Identifier.TrimStart('@');
            }
        }
    }

    private void EmitHelpers()
    {
        if (_helpers.Count == 0)
        {
            return;
        }

        _w.Line();
        _w.Line("#nullable disable warnings // JSON may hold null where the declared type has none, as with System.Text.Json.");
        foreach ((TypeShape shape, bool isRead, string name) in _helpers)
        {
            _w.Line();
            if (isRead)
            {
                _w.Open($"private static {shape.DeclaredName} {name}(ref {Json}.Utf8JsonReader reader)");
                _w.Line($"{shape.DeclaredName} __result;");
                ValueCode.Read(_w, shape, "__result");
                _w.Line("return __result;");
            }
            else
            {
                _w.Open($"private static void {name}({Json}.Utf8JsonWriter writer, {shape.DeclaredName} value)");
                ValueCode.WriteNullable(_w, shape, "value", 0);
            }

            _w.Close();
        }

        _w.Line("#nullable restore warnings");
    }

    private static ParameterModel Find(MethodModel method, string name)
    {
        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Kind == ParameterKind.Path && parameter.WireName == name)
            {
                return parameter;
            }
        }

        throw new System.InvalidOperationException($"Route parameter '{name}' has no bound parameter; the parser should have marked the method unsupported.");
    }

    private static string CancellationTokenOf(MethodModel method)
    {
        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Kind == ParameterKind.CancellationToken)
            {
                return parameter.Identifier;
            }
        }

        return "global::System.Threading.CancellationToken.None";
    }

    private static string VerbProperty(string verb) => verb switch
    {
        "GET" => "Get",
        "HEAD" => "Head",
        "DELETE" => "Delete",
        "POST" => "Post",
        "PUT" => "Put",
        _ => "Patch",
    };
}
