using System.Globalization;
using System.Net.Http.Json;
using OciRaw.Infrastructure;
using OciRaw.Generated;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// <c>--allocations</c>: bytes allocated per call by each whole call and by the pieces the clients differ in, measured
/// with <see cref="GC.GetAllocatedBytesForCurrentThread"/> over 1,000 calls (everything completes synchronously).
/// </summary>
internal static class AllocationBreakdown
{
    public static void Print(ClientFixture f)
    {
        using HttpClient http = f.NewHttpClient();
        const string PageUri = "/20160918/users?compartmentId=" + ClientFixture.CompartmentId + "&limit=100";
        Console.WriteLine("| What | Bytes per call |");
        Console.WriteLine("|---|---:|");
        Row("GetById, hand-written", () => f.HandWritten.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("GetById, generated", () => f.Generated.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("GetById, generated + pipeline", () => f.GeneratedPipeline.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("GetById, Refit", () => f.Refit.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("Post1KB, hand-written", () => f.HandWritten.CreateUserAsync(f.Details).GetAwaiter().GetResult());
        Row("Post1KB, generated", () => f.Generated.CreateUserAsync(f.Details).GetAwaiter().GetResult());
        Row("Post1KB, generated + pipeline", () => f.GeneratedPipeline.CreateUserAsync(f.Details).GetAwaiter().GetResult());
        Row("Post1KB, Refit", () => f.Refit.CreateUserAsync(f.Details).GetAwaiter().GetResult());
        Row("ListPage100, hand-written", () => f.HandWritten.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize).GetAwaiter().GetResult());
        Row("ListPage100, generated", () => f.Generated.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize).GetAwaiter().GetResult());
        Row("ListPage100, generated + pipeline", () => f.GeneratedPipeline.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize).GetAwaiter().GetResult());
        Row("ListPage100, Refit", () => f.Refit.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize).GetAwaiter().GetResult());
        Row("Page JSON alone, System.Text.Json (Deserialize over byte[])", () => f.StjReadPage());
        Row("Page JSON alone, generated (OciClientRuntime.Deserialize over byte[])", () => f.GeneratedReadPage());
        Row("Page response sent with ResponseContentRead (generated client), body not read", () => Send(http, PageUri, HttpCompletionOption.ResponseContentRead));
        Row("Page response sent with ResponseHeadersRead (hand-written client), body not read", () => Send(http, PageUri, HttpCompletionOption.ResponseHeadersRead));
        Row("1 KB body: OciClientRuntime.JsonContent (generated) + copy to the wire", () => CopyToWire(OciClientRuntime.JsonContent(f.Details, OciRaw_Client_Benchmarks_CreateUserDetails_Json.Write)));
        Row("1 KB body: JsonContent.Create(JsonTypeInfo) (hand-written) + copy to the wire", () => CopyToWire(JsonContent.Create(f.Details, BenchJsonContext.Default.CreateUserDetails)));
        Row("Path: OciRequestUri (generated)", () => _ = new OciRequestUri().AppendLiteral("/20160918/users/").AppendPathValue(ClientFixture.UserId).ToString());
        Row("Path: string concatenation (hand-written)", () => _ = "/20160918/users/" + Uri.EscapeDataString(ClientFixture.UserId));
        Row("Request message alone", () => new HttpRequestMessage(HttpMethod.Get, "/20160918/users/x").Dispose());
        Row("Request message + opc-request-id (OciClientRuntime.SendAsync adds it)", () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/20160918/users/x");
            request.Headers.TryAddWithoutValidation("opc-request-id", Guid.NewGuid().ToString("N").ToUpperInvariant());
        });
    }

    private static void Send(HttpClient http, string uri, HttpCompletionOption option)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        http.SendAsync(request, option).GetAwaiter().GetResult().Dispose();
    }

    private static void CopyToWire(HttpContent content)
    {
        using (content)
        {
            content.CopyToAsync(Stream.Null).GetAwaiter().GetResult();
        }
    }

    /// <summary>Bytes per call of the same generated calls with no retry layer, OciRetryHandler, and Polly's ResilienceHandler.</summary>
    public static void PrintRetryLayers(RetryLayerFixture layers)
    {
        Console.WriteLine("| What | Bytes per call |");
        Console.WriteLine("|---|---:|");
        Row("GetById, no retry layer", () => layers.NoRetryLayer.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("GetById, OciRetryHandler", () => layers.OciRetry.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
        Row("GetById, Polly ResilienceHandler", () => layers.Polly.GetUserAsync(ClientFixture.UserId).GetAwaiter().GetResult());
    }

    private static void Row(string name, Action action)
    {
        const int Calls = 1000;
        for (int i = 0; i < 100; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            action();
        }

        long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:N0} |"));
    }
}
