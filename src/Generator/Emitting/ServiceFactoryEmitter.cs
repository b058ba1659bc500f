using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// Emits the partial interface part that adds <c>Create(OciSigner signer, string region, OciClientOptions? options = null)</c>
/// to an <c>[OciService]</c> interface: the whole pipeline for the service's regional endpoint, on top of the client's
/// <c>Create(HttpClient)</c>.
/// </summary>
internal static class ServiceFactoryEmitter
{
    public static SourceText Emit(ServiceModel model)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, "#nullable enable");
        if (model.Namespace is { } ns)
        {
            w.Open($"namespace {ns}");
        }

        w.Open($"partial interface {model.Name}");
        w.Line($"static string? global::OciRaw.IOciClient<{model.TypeName}>.ServiceName => {Naming.Literal(model.ServiceName)};");
        w.Line($"static string? global::OciRaw.IOciClient<{model.TypeName}>.EndpointTemplate => {Naming.Literal(model.EndpointTemplate)};");
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Creates the generated <see cref=\"{model.Name}\"/> client for the {Xml(model.ServiceName)} service in <paramref name=\"region\"/>");
        w.Line("/// (an id such as <c>us-ashburn-1</c> or a short code such as <c>iad</c>), with OCI's retry policy and every request");
        w.Line("/// signed by <paramref name=\"signer\"/>.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::OciRaw.OciRegionException\">The region is unknown; the message says how to declare it.</exception>");
        w.Line($"public static {model.TypeName} Create(global::OciRaw.OciSigner signer, string region, global::OciRaw.OciClientOptions? options = null) =>");
        w.Indent().Line($"Create(global::OciRaw.Infrastructure.OciServicePipeline.CreateHttpClient(signer, region, {Naming.Literal(model.ServiceName)}, {Naming.Literal(model.EndpointTemplate)}, options));").Outdent();
        w.Close();
        if (model.Namespace is not null)
        {
            w.Close();
        }

        return w.ToSourceText();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
