using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Emits the response half of a method that returns a header-bound result class: check the status, then one object
/// initializer that reads every header property and, last, the body. A stream body keeps the response open (the
/// caller's disposal of the stream releases it); anything else is read whole and the response disposed.
/// </summary>
internal static class ResultEmitter
{
    private const string Runtime = "global::OciRaw.Infrastructure.OciClientRuntime";
    private const string Values = "global::OciRaw.Infrastructure.OciHeaderValue";

    public static void Emit(SourceWriter w, ResultModel result, string send, string token, System.Func<TypeShape, string> readHelper)
    {
        if (!result.HasStreamBody)
        {
            w.Line($"using var __response = {send};");
            EmitRead(w, result, token, readHelper);
            return;
        }

        w.Line($"var __response = {send};");
        w.Open("try");
        EmitRead(w, result, token, readHelper);
        w.Close();
        w.Open("catch");
        w.Line("__response.Dispose();");
        w.Line("throw;");
        w.Close();
    }

    private static void EmitRead(SourceWriter w, ResultModel result, string token, System.Func<TypeShape, string> readHelper)
    {
        w.Line($"await {Runtime}.EnsureSuccessAsync(__response, {token}).ConfigureAwait(false);");
        w.Line("var __headers = new global::OciRaw.OciResponseHeaders(__response);");
        w.Line($"return new {result.TypeName}");
        w.Line("{");
        w.Indent();
        foreach (ResultMember member in result.Members)
        {
            w.Line($"{Naming.Identifier(member.Name)} = {Value(result, member, token, readHelper)},");
        }

        w.Outdent();
        w.Line("};");
    }

    private static string Value(ResultModel result, ResultMember member, string token, System.Func<TypeShape, string> readHelper)
    {
        string name = Naming.Literal(member.HeaderName);
        string where = Naming.Literal(result.DisplayName + "." + member.Name);
        switch (member.Kind)
        {
            case ResultMemberKind.HeaderMap:
                return $"{Values}.ReadPrefixed(__headers, {name})";
            case ResultMemberKind.JsonBody:
                string allowEmpty = member.Required ? "allowEmptyBody: false" : "allowEmptyBody: true";
                return $"await {Runtime}.ReadJsonAsync(__response, {readHelper(member.Shape!)}, {allowEmpty}, {token}).ConfigureAwait(false)";
            case ResultMemberKind.BytesBody:
                return $"await global::OciRaw.Infrastructure.OciResultBody.ReadBytesAsync(__response, {token}).ConfigureAwait(false)";
            case ResultMemberKind.TextBody:
                return $"await global::OciRaw.Infrastructure.OciResultBody.ReadTextAsync(__response, {token}).ConfigureAwait(false)";
            case ResultMemberKind.StreamBody:
                return $"await __response.Content.ReadAsStreamAsync({token}).ConfigureAwait(false)";
        }

        TypeShape shape = member.Shape!.NonNullable;
        string read = shape.Kind switch
        {
            ShapeKind.String => $"{Values}.ReadText(__headers, {name})",
            ShapeKind.Boolean => $"{Values}.ReadBoolean(__headers, {name}, {where})",
            ShapeKind.DateTimeOffset => $"{Values}.ReadDateTimeOffset(__headers, {name}, {where})",
            ShapeKind.Single or ShapeKind.Double or ShapeKind.Decimal => $"{Values}.ReadNumber<{shape.TypeName}>(__headers, {name}, {where})",
            ShapeKind.Enum => $"{Values}.ReadEnum<{shape.TypeName}>(__headers, {name}, {where}, {shape.SerializerName}.Read)",
            _ => $"{Values}.ReadInteger<{shape.TypeName}>(__headers, {name}, {where})",
        };
        return member.Required ? $"{read} ?? throw {Values}.Missing({name}, {where})" : read;
    }
}
