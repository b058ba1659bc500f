using System.Diagnostics;
using System.Globalization;
using OciRaw.Corpus;
using OciRaw.Corpus.Benchmarks;
using OciRaw.Corpus.Description;

// The whole OCI corpus (8,054 operations) compiled with and without the OciRaw generator; not run in CI.
//   dotnet run -c Release --project benchmarks/OciRaw.Corpus.Benchmarks -- [--level full|today] [--fractions 0.25,0.5,1] [--rounds 5] [--steps] [--no-generated-compile] [--report PATH] [--dump DIR]
// runs one child process per fraction (each after a warm-up on a small slice so that JIT time is not counted) and
// prints one Markdown row each: the medians of --rounds interleaved compile/generator pairs (CorpusMeasurement says why). `--report PATH` writes why each operation is not clean (TSV: service, client,
// operation, diagnostic ID, owner, message); with several fractions, PATH gets the fraction before its extension.
// `--dump DIR` writes the generated files of the first round (with several fractions, into DIR/<fraction>).
// `--measure F` is the child's mode.
ContractLevel level = Option("--level") is "today" ? ContractLevel.Today : ContractLevel.Full;
if (Option("--measure") is { } measured)
{
    var api = ApiDescription.Load(Path.Combine(AppContext.BaseDirectory, "oci-api.json.gz"));
    CorpusMeasurement.Measure(api, level, 0.005, rounds: 1, steps: false, compileGenerated: true); // warm-up: JIT and reference metadata
    CorpusFigures figures = CorpusMeasurement.Measure(
        api, level, double.Parse(measured, CultureInfo.InvariantCulture), Rounds(), args.Contains("--steps"), !args.Contains("--no-generated-compile"), Option("--report"), Option("--dump"));
    Console.Write(figures.Report());
    return 0;
}

Console.Write(CorpusFigures.TableHeader);
string[] fractions = (Option("--fractions") ?? "0.25,0.5,1").Split(',');
foreach (string fraction in fractions)
{
    // The same program again: through the apphost, or through `dotnet` with the assembly when started that way.
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(CorpusFigures).Assembly.Location);
    }

    foreach (string argument in new[] { "--measure", fraction, "--level", level.ToString().ToLowerInvariant(), "--rounds", Rounds().ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(argument);
    }

    foreach (string flag in new[] { "--steps", "--no-generated-compile" }.Where(args.Contains))
    {
        start.ArgumentList.Add(flag);
    }

    if (Option("--report") is { } report)
    {
        start.ArgumentList.Add("--report");
        start.ArgumentList.Add(Path.GetFullPath(fractions.Length == 1 ? report : Path.ChangeExtension(report, fraction + Path.GetExtension(report))));
    }

    if (Option("--dump") is { } dump)
    {
        start.ArgumentList.Add("--dump");
        start.ArgumentList.Add(Path.GetFullPath(fractions.Length == 1 ? dump : Path.Combine(dump, fraction)));
    }

    using Process child = Process.Start(start)!;
    Console.Write(await child.StandardOutput.ReadToEndAsync());
    await child.WaitForExitAsync();
    if (child.ExitCode != 0)
    {
        Console.Error.WriteLine($"The measurement of fraction {fraction} failed with exit code {child.ExitCode}.");
        return 1;
    }
}

return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int Rounds() => Option("--rounds") is { } rounds ? int.Parse(rounds, CultureInfo.InvariantCulture) : 5;
