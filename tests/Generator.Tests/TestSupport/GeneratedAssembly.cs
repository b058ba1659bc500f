using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Runs generated code for real: emits a generator run's output compilation and loads it into a collectible context
/// (OciRaw itself resolves from the test's own context). Test sources expose a static method returning
/// <c>Task&lt;string&gt;</c> that drives the generated client, so no test needs to name a generated type.
/// </summary>
internal static class GeneratedAssembly
{
    public static async Task<string> RunAsync(Compilation output, string typeName, string methodName)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            MethodInfo method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!;
            return await ((Task<string>)method.Invoke(null, null)!).ConfigureAwait(false);
        }
        finally
        {
            context.Unload();
        }
    }
}
