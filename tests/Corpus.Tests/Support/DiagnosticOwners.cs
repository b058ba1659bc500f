using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OciRaw.Corpus.Tests;

/// <summary>Which operation (or model, or file) of the corpus a diagnostic stands in.</summary>
internal sealed class DiagnosticOwners
{
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resultClasses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths;

    public DiagnosticOwners(CorpusOutput corpus)
    {
        foreach (CorpusOperation operation in corpus.Operations)
        {
            _methods[operation.InterfaceName + "." + operation.MethodName] = operation.Key;
            if (operation.ResultClassName is not null)
            {
                _resultClasses[NamespaceOf(operation.InterfaceName) + "." + operation.ResultClassName] = operation.Key;
            }
        }

        _paths = corpus.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The owner's key, or null when the diagnostic stands in generated code (or nowhere in a corpus file).</summary>
    public string? OwnerOf(Diagnostic diagnostic)
    {
        SyntaxTree? tree = diagnostic.Location.SourceTree;
        if (tree is null || !_paths.Contains(tree.FilePath))
        {
            return tree is null && diagnostic.Location == Location.None ? "(no location) " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        SyntaxNode node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        string ns = node.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? string.Empty;
        if (node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is { Parent: InterfaceDeclarationSyntax owner } method
            && _methods.TryGetValue($"{ns}.{owner.Identifier.Text}.{method.Identifier.Text}", out string? key))
        {
            return key;
        }

        if (node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault() is { } type)
        {
            if (_resultClasses.TryGetValue($"{ns}.{type.Identifier.Text}", out string? operation))
            {
                return operation;
            }

            string service = tree.FilePath.Split('/')[0];
            return type is InterfaceDeclarationSyntax ? $"{service}.{type.Identifier.Text}" : $"{service}.model.{type.Identifier.Text}";
        }

        return tree.FilePath;
    }

    private static string NamespaceOf(string fullName) => fullName[..fullName.LastIndexOf('.')];
}
