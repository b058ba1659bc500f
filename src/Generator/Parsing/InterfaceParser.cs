using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// The parse the generator builds its clients and diagnostics from: turns an interface symbol into an
/// <see cref="InterfaceModel"/>, sending every problem to a <see cref="DiagnosticSink"/>. A method with a problem stays
/// in the model marked unsupported, so the generated class still implements it (with a body that throws) and one bad
/// method does not turn into a cascade of CS0535 errors.
/// </summary>
internal sealed partial class InterfaceParser
{
    private readonly KnownTypes _known;
    private readonly DiagnosticSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly JsonShapeResolver _shapes;
    private readonly ResultShapeParser _results;

    // The current method's [OciBody] parameter when it is sent raw: content headers are allowed only then.
    private IParameterSymbol? _rawBody;

    private InterfaceParser(KnownTypes known, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _known = known;
        _sink = sink;
        _cancellationToken = cancellationToken;
        _shapes = new JsonShapeResolver(known, sink, cancellationToken);
        _results = new ResultShapeParser(known, sink, _shapes, cancellationToken);
    }

    /// <summary>Parses the interface; null when it cannot get a client at all (not partial, generic, nested).</summary>
    public static InterfaceModel? Parse(INamedTypeSymbol type, KnownTypes known, DiagnosticSink sink, CancellationToken cancellationToken) =>
        new InterfaceParser(known, sink, cancellationToken).Parse(type);

    /// <summary>True when any method of <paramref name="type"/> carries [OciEndpoint].</summary>
    public static bool HasEndpoint(INamedTypeSymbol type, KnownTypes known)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol method && IsEndpoint(method, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> carries [OciEndpoint].</summary>
    public static bool IsEndpoint(IMethodSymbol method, KnownTypes known) => known.Declared.Find(method, known.EndpointAttribute, default) is not null;

    private InterfaceModel? Parse(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        Location? location = FirstLocation(type);
        if (!IsPartial(type))
        {
            _sink.Report(DiagnosticDescriptors.InterfaceNotPartial, location, name);
            return null;
        }

        if (type.IsGenericType)
        {
            _sink.Report(DiagnosticDescriptors.UnsupportedInterface, location, name, "generic interfaces are not supported");
            return null;
        }

        if (type.ContainingType is not null)
        {
            _sink.Report(DiagnosticDescriptors.UnsupportedInterface, location, name, "it is nested in another type; declare it at namespace level");
            return null;
        }

        var methods = new List<MethodModel>();
        var routes = new Dictionary<string, string>();
        foreach (ISymbol member in type.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method || !method.IsAbstract)
            {
                continue;
            }

            if (!IsEndpoint(method, _known))
            {
                string message = _sink.Report(DiagnosticDescriptors.UnsupportedInterface, FirstLocation(method), name,
                    $"method '{method.Name}' has no [OciEndpoint] attribute, so the client could not implement it");
                methods.Add(Unsupported(method, message));
                continue;
            }

            methods.Add(ParseMethod(method, routes));
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        string typeName = type.ToDisplayString(Naming.FullyQualifiedPlain);
        string hint = "OciRaw.Client." + typeName.Replace("global::", string.Empty) + ".g.cs";
        return new InterfaceModel
        {
            Namespace = ns,
            Name = type.Name,
            TypeName = typeName,
            HintName = hint,
            Methods = methods.ToEquatableArray(),
            JsonTypes = _shapes.Types.ToEquatableArray(),
        };
    }

    private MethodModel ParseMethod(IMethodSymbol method, Dictionary<string, string> routes)
    {
        Location? location = FirstLocation(method);
        OciAttribute attribute = _known.Declared.Find(method, _known.EndpointAttribute, _cancellationToken)!;
        Location? attributeLocation = attribute.Location ?? location;

        if (method.IsGenericMethod)
        {
            return Unsupported(method, _sink.Report(DiagnosticDescriptors.GenericMethod, location, method.Name));
        }

        string? routeText = attribute.StringArgument;
        RouteTemplate? route = RouteTemplate.TryParse(routeText, out string routeError);
        if (route is null)
        {
            return Unsupported(method, _sink.Report(DiagnosticDescriptors.InvalidRoute, attributeLocation, routeText ?? string.Empty, routeError));
        }

        string? problem = null;
        ResultModel? result = null;
        ReturnKind returnKind;
        TypeShape? dataShape;
        ITypeSymbol? dataType;
        string? returnProblem;
        if (ResultClassOf(method) is { } resultClass)
        {
            (returnKind, dataShape, dataType) = (ReturnKind.HeaderResult, null, null);
            result = _results.Parse(resultClass, out returnProblem);
        }
        else
        {
            (returnKind, dataShape, dataType, returnProblem) = ParseReturn(method, route);
        }

        problem ??= returnProblem ?? HeadRoute.Problem(_sink, method, route.Verb, returnKind, ReturnTypeLocation(method));
        _rawBody = RawBodyOf(method);
        bool excludeBody = ExcludesBody(attribute);

        var parameters = new List<ParameterModel>();
        var placeholders = new HashSet<string>();
        foreach (RoutePart part in route.Parts)
        {
            if (part.IsParameter)
            {
                placeholders.Add(part.Text);
            }
        }

        bool hasBody = false;
        bool hasToken = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            ParameterModel? model = ParseParameter(method, parameter, route, placeholders, ref hasBody, ref hasToken, out string? parameterProblem);
            problem ??= parameterProblem;
            if (model is not null)
            {
                parameters.Add(model);
            }
        }

        // Two methods are duplicates when verb, route, query parameters and return type all agree: nothing but the
        // name tells them apart (a copy-paste slip). The same request read two ways (typed and raw, or paged and
        // page by page) is legitimate.
        string endpointKey = route.Shape + "?" + string.Join("&", QueryNames(parameters)) + " -> " + method.ReturnType.ToDisplayString(Naming.FullyQualified);
        if (routes.TryGetValue(endpointKey, out string? other))
        {
            problem = First(problem, _sink.Report(DiagnosticDescriptors.DuplicateRoute, attributeLocation, other, method.Name,
                route.Verb + " " + routeText!.Trim().Substring(route.Verb.Length).Trim()));
        }
        else
        {
            routes[endpointKey] = method.Name;
        }

        foreach (string placeholder in placeholders)
        {
            bool bound = false;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                bound |= parameter.Name == placeholder;
            }

            if (!bound)
            {
                problem = First(problem, _sink.Report(DiagnosticDescriptors.PlaceholderWithoutParameter, attributeLocation, placeholder, method.Name));
            }
        }

        if (returnKind is ReturnKind.AsyncEnumerable or ReturnKind.AsyncEnumerablePages)
        {
            foreach (ParameterModel parameter in parameters)
            {
                if (parameter.Kind == ParameterKind.Query && parameter.WireName == "page")
                {
                    problem = First(problem, _sink.Report(DiagnosticDescriptors.CannotPage, location, method.Name, $"parameter '{parameter.Identifier}' already binds the 'page' query parameter"));
                }
            }
        }

        if (excludeBody && !hasBody)
        {
            problem = First(problem, _sink.Report(DiagnosticDescriptors.ExcludeBodyWithoutBody, attributeLocation, method.Name,
                route.Verb is "GET" or "HEAD" or "DELETE" ? $"a {route.Verb} sends no body" : "it has no [OciBody] parameter"));
        }

        if (problem is not null)
        {
            // The signature must still list every parameter, including the ones that could not be bound.
            return Unsupported(method, problem);
        }

        return new MethodModel
        {
            Name = method.Name,
            ReturnTypeName = method.ReturnType.ToDisplayString(Naming.FullyQualified),
            ReturnKind = returnKind,
            DataShape = dataShape,
            DataTypeName = dataType?.ToDisplayString(Naming.FullyQualified),
            DataAcceptsNull = dataType is not null && AcceptsNull(dataType),
            Verb = route.Verb,
            Route = route.Parts.ToEquatableArray(),
            Parameters = parameters.ToEquatableArray(),
            Result = result,
            ExcludeBodyFromSignature = excludeBody,
        };
    }

    /// <summary>The TResult of <c>Task&lt;TResult&gt;</c> when it is a header-bound result class.</summary>
    private INamedTypeSymbol? ResultClassOf(IMethodSymbol method) =>
        KnownTypes.Is(method.ReturnType, _known.TaskOfT) && method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } task
        && task.TypeArguments[0] is INamedTypeSymbol result && ResultShapeParser.IsResultClass(result, _known) ? result : null;

    private IParameterSymbol? RawBodyOf(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (_known.Declared.Find(parameter, _known.BodyAttribute, _cancellationToken) is not null && RawBodies.IsRaw(parameter.Type, _known))
            {
                return parameter;
            }
        }

        return null;
    }

    private static bool ExcludesBody(OciAttribute endpoint) => endpoint.NamedArgument("ExcludeBodyFromSignature") is true;

    /// <summary>Reports a header-bound result class where a JSON value is read (it would silently lose its headers).</summary>
    private string? ResultClassAsJson(ITypeSymbol type, IMethodSymbol method, Location? location, string usage) =>
        ResultShapeParser.IsResultClass(type, _known)
            ? _sink.Report(DiagnosticDescriptors.ResultClassAsJson, location, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), method.Name, usage)
            : null;

    private (ReturnKind Kind, TypeShape? Shape, ITypeSymbol? DataType, string? Problem) ParseReturn(IMethodSymbol method, RouteTemplate route)
    {
        ITypeSymbol type = method.ReturnType;
        Location? location = ReturnTypeLocation(method);
        string display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (KnownTypes.Is(type, _known.Task) && type is INamedTypeSymbol { IsGenericType: false })
        {
            return (ReturnKind.Task, null, null, null);
        }

        if (KnownTypes.Is(type, _known.TaskOfT) && type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && KnownTypes.Is(generic.TypeArguments[0], _known.OciResponseBase))
        {
            return (ReturnKind.ResponseOnly, null, null, null);
        }

        if (KnownTypes.Is(type, _known.AsyncEnumerable) && type is INamedTypeSymbol asyncEnumerable)
        {
            if (route.Verb is not ("GET" or "POST" or "PUT"))
            {
                return (ReturnKind.AsyncEnumerable, null, null, _sink.Report(DiagnosticDescriptors.CannotPage, location, method.Name, $"it is a {route.Verb}; list operations are a GET, or a POST or PUT whose body is sent again with every page"));
            }

            ITypeSymbol item = asyncEnumerable.TypeArguments[0];
            if (ResultClassAsJson(item, method, location, "the item type of IAsyncEnumerable<T>") is { } itemProblem)
            {
                return (ReturnKind.AsyncEnumerable, null, null, itemProblem);
            }

            return KnownTypes.Is(item, _known.OciResponse) && item is INamedTypeSymbol page
                ? DataShape(ReturnKind.AsyncEnumerablePages, page.TypeArguments[0], method, display, location)
                : DataShape(ReturnKind.AsyncEnumerable, item, method, display, location);
        }

        if (!KnownTypes.Is(type, _known.TaskOfT) || type is not INamedTypeSymbol task)
        {
            return (ReturnKind.Task, null, null, _sink.Report(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, display, string.Empty));
        }

        ITypeSymbol result = task.TypeArguments[0];
        if (KnownTypes.Is(result, _known.HttpResponseMessage))
        {
            return (ReturnKind.HttpResponseMessage, null, null, null);
        }

        if (KnownTypes.Is(result, _known.Stream))
        {
            return (ReturnKind.Stream, null, null, null);
        }

        if (result.SpecialType == SpecialType.System_String)
        {
            return (ReturnKind.String, null, null, null);
        }

        if (KnownTypes.Is(result, _known.OciResponse) && result is INamedTypeSymbol response)
        {
            if (ResultClassAsJson(response.TypeArguments[0], method, location, "the JSON data of OciResponse<T>; return it as Task<TResult>") is { } dataProblem)
            {
                return (ReturnKind.Response, null, null, dataProblem);
            }

            return DataShape(ReturnKind.Response, response.TypeArguments[0], method, display, location);
        }

        return DataShape(ReturnKind.Data, result, method, display, location);
    }

    private (ReturnKind, TypeShape?, ITypeSymbol?, string?) DataShape(ReturnKind kind, ITypeSymbol dataType, IMethodSymbol method, string display, Location? location)
    {
        TypeShape? shape = _shapes.Resolve(dataType, out string reason);
        return shape is null
            ? (kind, null, null, _sink.Report(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, display, $" ({dataType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}: {reason})"))
            : (kind, shape, dataType, null);
    }

    /// <summary>
    /// True for <c>T?</c>, and for a reference type declared where nullable annotations are disabled: like
    /// System.Text.Json's <c>RespectNullableAnnotations</c>, only a type declared non-nullable promises a value.
    /// </summary>
    private static bool AcceptsNull(ITypeSymbol type) => type.IsValueType
        ? type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        : type.NullableAnnotation != NullableAnnotation.NotAnnotated;

    private static List<string> QueryNames(List<ParameterModel> parameters)
    {
        var names = new List<string>();
        foreach (ParameterModel parameter in parameters)
        {
            if (parameter.Kind == ParameterKind.Query)
            {
                names.Add(parameter.WireName);
            }
        }

        names.Sort(System.StringComparer.Ordinal);
        return names;
    }

    /// <summary>Every problem is reported; the method's generated body quotes the first.</summary>
    private static string First(string? first, string next) => first ?? next;

    private ParameterModel? ParseParameter(
        IMethodSymbol method, IParameterSymbol parameter, RouteTemplate route, HashSet<string> placeholders, ref bool hasBody, ref bool hasToken, out string? problem)
    {
        problem = null;
        Location? location = FirstLocation(parameter);
        string identifier = Naming.Identifier(parameter.Name);
        string typeName = parameter.Type.ToDisplayString(Naming.FullyQualified);
        bool isNullable = parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        if (parameter.RefKind != RefKind.None)
        {
            problem = UnsupportedParameter(parameter, method, location, "a parameter", "ref, out and in parameters cannot be sent");
            return null;
        }

        if (KnownTypes.Is(parameter.Type, _known.CancellationToken))
        {
            if (hasToken)
            {
                problem = UnsupportedParameter(parameter, method, location, "a cancellation token", "the method already has a CancellationToken");
                return null;
            }

            hasToken = true;
            return new ParameterModel { Identifier = identifier, TypeName = typeName, Kind = ParameterKind.CancellationToken, WireName = string.Empty };
        }

        OciAttribute? query = _known.Declared.Find(parameter, _known.QueryAttribute, _cancellationToken);
        OciAttribute? header = _known.Declared.Find(parameter, _known.HeaderAttribute, _cancellationToken);
        OciAttribute? body = _known.Declared.Find(parameter, _known.BodyAttribute, _cancellationToken);
        bool inRoute = placeholders.Contains(parameter.Name);
        int bindings = (query is null ? 0 : 1) + (header is null ? 0 : 1) + (body is null ? 0 : 1) + (inRoute ? 1 : 0);
        if (bindings == 0)
        {
            problem = _sink.Report(DiagnosticDescriptors.ParameterNotBound, location, parameter.Name, method.Name);
            return null;
        }

        if (bindings > 1)
        {
            problem = UnsupportedParameter(parameter, method, location, "two places", "bind each parameter to exactly one of the route, [OciQuery], [OciHeader] or [OciBody]");
            return null;
        }

        if (body is not null)
        {
            if (hasBody)
            {
                problem = _sink.Report(DiagnosticDescriptors.MultipleBodies, location, method.Name);
                return null;
            }

            hasBody = true;
            if (route.Verb is "GET" or "HEAD" or "DELETE")
            {
                problem = _sink.Report(DiagnosticDescriptors.BodyNotAllowed, location, method.Name, route.Verb, parameter.Name);
                return null;
            }

            if (RawBodies.IsRaw(parameter.Type, _known))
            {
                return new ParameterModel
                {
                    Identifier = identifier,
                    TypeName = typeName,
                    Kind = ParameterKind.RawBody,
                    WireName = string.Empty,
                    Shape = RawBodies.Shape(parameter.Type),
                    IsNullable = isNullable,
                };
            }

            if (ResultClassAsJson(parameter.Type, method, location, "a JSON request body") is { } bodyProblem)
            {
                problem = bodyProblem;
                return null;
            }

            TypeShape? bodyShape = _shapes.Resolve(parameter.Type, out string reason);
            if (bodyShape is null)
            {
                problem = UnsupportedParameter(parameter, method, location, "a JSON body", reason);
                return null;
            }

            return new ParameterModel
            {
                Identifier = identifier,
                TypeName = typeName,
                Kind = ParameterKind.Body,
                WireName = string.Empty,
                Shape = bodyShape,
                IsNullable = isNullable,
            };
        }

        ParameterKind kind = inRoute ? ParameterKind.Path : query is not null ? ParameterKind.Query : ParameterKind.Header;
        string wireName = kind switch
        {
            ParameterKind.Query => query!.StringArgument is { Length: > 0 } q ? q : parameter.Name,
            ParameterKind.Header => header!.StringArgument ?? string.Empty,
            _ => parameter.Name,
        };
        if (kind == ParameterKind.Header && SpecialHeader(parameter, method, identifier, typeName, isNullable, wireName, location, out problem) is { } special)
        {
            return special;
        }

        if (problem is not null)
        {
            return null;
        }

        if (kind == ParameterKind.Header && (IsHeaderName(wireName) ? ReservedHeader(wireName) : $"'{wireName}' is not a valid header name") is { } notAHeader)
        {
            problem = UnsupportedParameter(parameter, method, location, "a header", notAHeader);
            return null;
        }

        TypeShape? shape = _shapes.Resolve(parameter.Type, out string shapeReason);
        // Queries repeat the key for each item; a header list is sent comma-joined (strings only).
        bool collectionAllowed = kind == ParameterKind.Query || (kind == ParameterKind.Header && shape?.Element?.Kind == ShapeKind.String);
        if (shape is null || !IsSimpleValue(shape, collectionAllowed))
        {
            string what = kind switch { ParameterKind.Path => "a path segment", ParameterKind.Query => "a query parameter", _ => "a header" };
            string reason = shape is null
                ? shapeReason
                : collectionAllowed ? "query values must be strings, numbers, booleans, enums, GUIDs, dates or collections of those" : "it must be a string, number, boolean, enum, GUID or date";
            problem = UnsupportedParameter(parameter, method, location, what, reason);
            return null;
        }

        bool isCsv = false;
        if (query is not null && !QueryCollectionFormat.TryRead(_sink, query, parameter, method, shape, out isCsv, out problem))
        {
            return null;
        }

        return new ParameterModel
        {
            Identifier = identifier,
            TypeName = typeName,
            Kind = kind,
            WireName = wireName,
            Shape = shape,
            IsNullable = isNullable,
            IsCsv = isCsv,
        };
    }

    private string UnsupportedParameter(IParameterSymbol parameter, IMethodSymbol method, Location? location, string what, string reason) =>
        _sink.Report(DiagnosticDescriptors.UnsupportedParameterType, location, parameter.Name, method.Name,
            parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), what, reason);

    private static bool IsSimpleValue(TypeShape shape, bool collectionAllowed) => shape.Kind switch
    {
        ShapeKind.Object or ShapeKind.Dictionary or ShapeKind.JsonElement or ShapeKind.Bytes => false,
        ShapeKind.Array or ShapeKind.List => collectionAllowed && IsSimpleValue(shape.Element!, collectionAllowed: false),
        _ => true,
    };

    private static bool IsHeaderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            // RFC 9110 token characters.
            if (!(char.IsLetterOrDigit(c) && c < 128) && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why a header parameter cannot set <paramref name="name"/>, or null when it can. The signature covers host and body
    /// hash as the request is sent, so those are the signer's; and HttpClient sends content headers only with a body (the
    /// six a raw body takes are bound before this check, see <see cref="HeaderNames.IsRawBodyContentHeader"/>).
    /// </summary>
    private static string? ReservedHeader(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower switch
        {
            "host" or "authorization" or "x-content-sha256" => $"'{name}' is set by the request signer",
            "expires" or "last-modified" or "allow" => $"'{name}' is a content header, which HttpClient sends only with a body",
            _ when lower.StartsWith("content-", System.StringComparison.Ordinal) => $"'{name}' is a content header, which HttpClient sends only with a body",
            _ => null,
        };
    }

    private static MethodModel Unsupported(IMethodSymbol method, string message)
    {
        var parameters = new List<ParameterModel>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            parameters.Add(new ParameterModel
            {
                Identifier = Naming.Identifier(parameter.Name),
                TypeName = parameter.Type.ToDisplayString(Naming.FullyQualified),
                Kind = ParameterKind.Query,
                WireName = parameter.Name,
                IsNullable = true,
            });
        }

        return new MethodModel
        {
            Name = method.Name,
            ReturnTypeName = method.ReturnType.ToDisplayString(Naming.FullyQualified),
            ReturnKind = ReturnKind.Task,
            Verb = string.Empty,
            Route = EquatableArray<RoutePart>.Empty,
            Parameters = parameters.ToEquatableArray(),
            Unsupported = message,
        };
    }

    internal static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is InterfaceDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private Location? ReturnTypeLocation(IMethodSymbol method)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType.GetLocation();
            }
        }

        return FirstLocation(method);
    }

    private static Location? FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
}
