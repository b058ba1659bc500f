using OciRaw.Corpus;
using OciRaw.Corpus.Description;

// Writes the corpus as C# files for reading: dotnet run --project tools/OciCorpus -- OUT_DIR [--today] [service or service/Client ...]
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: OciCorpus OUT_DIR [--today] [service | service/Client ...]   (default: every client)");
    return 2;
}

string output = args[0];
ContractLevel level = args.Contains("--today") ? ContractLevel.Today : ContractLevel.Full;
string[] names = args.Skip(1).Where(a => !a.StartsWith('-')).ToArray();
string descriptionPath = Path.Combine(AppContext.BaseDirectory, "oci-api.json.gz");
var api = ApiDescription.Load(descriptionPath);
var writer = new CorpusWriter(api, level);
CorpusOutput corpus = writer.Write(names.Length == 0 ? null : writer.Select(names));
foreach (CorpusFile file in corpus.Files)
{
    string path = Path.Combine(output, file.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Text);
}

Console.WriteLine($"{corpus.Operations.Count} operations in {corpus.Files.Count} files ({level}) -> {output}");
return 0;
