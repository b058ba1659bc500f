using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Emits the request parts of raw bodies: the body itself (sent as is), its content headers (after the body, which
/// they are set on), <c>application/octet-stream</c> by default, header maps, and the exclude-body signing strategy.
/// </summary>
internal static class RawRequestEmitter
{
    private const string RawContent = "global::OciRaw.Infrastructure.OciRawContent";

    public static void Emit(SourceWriter w, ParameterModel parameter)
    {
        string id = parameter.Identifier;
        if (parameter.Kind == ParameterKind.HeaderMap)
        {
            // '!': a null map sends nothing (the runtime checks), and string? values are left out there too.
            w.Line($"{RawContent}.AddPrefixedHeaders(__request, {Naming.Literal(parameter.WireName)}, {id}!, nameof({id}));");
            return;
        }

        TypeShape shape = parameter.Shape!;
        if (!shape.CanBeNull)
        {
            w.Line($"__request.Content = {RawContent}.Create({id});");
            return;
        }

        if (parameter.IsNullable)
        {
            string local = "__" + id.TrimStart('@') + "Value";
            w.Open($"if ({id} is {{ }} {local})");
            w.Line($"__request.Content = {RawContent}.Create({local});");
            w.Close();
            return;
        }

        w.Line($"global::System.ArgumentNullException.ThrowIfNull({id});");
        w.Line($"__request.Content = {RawContent}.Create({id});");
    }

    /// <summary>Content headers, the default content type and the signing strategy, once the body is set.</summary>
    public static void EmitContentHeaders(
        SourceWriter w, MethodModel method, System.Action<TypeShape, string, System.Func<string, string>> addIfNotNull)
    {
        bool raw = false;
        foreach (ParameterModel parameter in method.Parameters)
        {
            raw |= parameter.Kind == ParameterKind.RawBody;
            if (parameter.Kind == ParameterKind.ContentHeader)
            {
                string name = Naming.Literal(parameter.WireName);
                string id = parameter.Identifier;
                if (parameter.Shape!.Kind == ShapeKind.String)
                {
                    w.Line($"{RawContent}.SetContentHeader(__request, {name}, {id}, nameof({id}));");
                }
                else
                {
                    addIfNotNull(parameter.Shape, id, v => $"{RawContent}.SetContentHeader(__request, {name}, {v}, nameof({id}));");
                }
            }
        }

        if (raw)
        {
            w.Line($"{RawContent}.DefaultContentType(__request);");
        }

        if (method.ExcludeBodyFromSignature)
        {
            w.Line("global::OciRaw.OciHttpRequestMessageExtensions.SetOciSigningStrategy(__request, global::OciRaw.OciSigningStrategy.ExcludeBody);");
        }
    }
}
