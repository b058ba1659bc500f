using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Reads <c>[OciService(name, endpointTemplate)]</c> on an interface. The generator takes the model (null when anything is
/// wrong: then no factory is emitted) and the problems, which it reports.
/// </summary>
internal static class ServiceParser
{
    public const string AttributeName = "OciRaw.OciServiceAttribute";

    /// <summary>The model, or null when the interface or its attribute has a problem.</summary>
    public static ServiceModel? Parse(INamedTypeSymbol type, AttributeData attribute, KnownTypes known)
    {
        if (Problems(type, attribute, known, CancellationToken.None).Any())
        {
            return null;
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        string typeName = type.ToDisplayString(Naming.FullyQualifiedPlain);
        string hint = "OciRaw.Service." + typeName.Replace("global::", string.Empty) + ".g.cs";
        return new ServiceModel
        {
            Namespace = ns,
            Name = type.Name,
            TypeName = typeName,
            HintName = hint,
            ServiceName = (string)attribute.ConstructorArguments[0].Value!,
            EndpointTemplate = (string)attribute.ConstructorArguments[1].Value!,
        };
    }

    /// <summary>Every problem of the attribute and of the interface it is on, with where to report it.</summary>
    public static IEnumerable<DiagnosticInfo> Problems(INamedTypeSymbol type, AttributeData attribute, KnownTypes known, CancellationToken cancellationToken)
    {
        Location? location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? (type.Locations.Length > 0 ? type.Locations[0] : null);
        string interfaceName = type.Name;
        if (attribute.ConstructorArguments.Length != 2)
        {
            yield break; // does not bind: the compiler reports it
        }

        string? name = attribute.ConstructorArguments[0].Value as string;
        string? template = attribute.ConstructorArguments[1].Value as string;
        if (EndpointTemplateRules.NameProblem(name) is { } nameProblem)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidServiceName, location, [name ?? "null", interfaceName, nameProblem], cancellationToken);
        }

        if (EndpointTemplateRules.Problem(template) is { } templateProblem)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEndpointTemplate, location, [template ?? "null", interfaceName, templateProblem], cancellationToken);
        }

        if (!InterfaceParser.HasEndpoint(type, known) || !InterfaceParser.IsPartial(type) || type.ContainingType is not null || type.IsGenericType)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.ServiceWithoutClient, location, [interfaceName], cancellationToken);
        }
    }
}
