using System.Net;
using OciRaw.Client.Tests.Interfaces;

namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// The response-shape tests' service (<see cref="IResponseShapesApi"/> at <see cref="Base"/>), its canned bodies and
/// handlers that answer every request alike.
/// </summary>
internal static class ResponseShapesCalls
{
    internal const string Base = "https://svc.example.com";

    internal const string WidgetJson =
        """{"id":"ocid1.widget..1","displayName":"web-1","timeCreated":"2026-01-02T03:04:05.678+02:00","state":"NEEDS_ATTENTION","count":3,"unknownMember":{"a":[1,2]}}""";

    internal const string NotFoundJson =
        """{"code":"NotAuthorizedOrNotFound","message":"Authorization failed or requested resource not found."}""";

    internal static IResponseShapesApi Api(CapturingHandler handler) => IResponseShapesApi.Create(handler.CreateClient());

    internal static CapturingHandler Answer(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new(_ => CapturingHandler.Json(status, body, headers));
}
