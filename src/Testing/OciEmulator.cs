using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OciRaw.Testing;

/// <summary>
/// A faithful stand-in for OCI on 127.0.0.1: verifies every request's signature like OCI (401 NotAuthenticated
/// otherwise, with the reason in <see cref="AuthenticationFailures"/> and the log), serves the Identity users API and
/// Object Storage (objects kept in files under a temporary folder, deleted on dispose), and can script faults. Start it with <see cref="StartAsync"/> and dispose it with <c>await using</c>.
/// </summary>
public sealed partial class OciEmulator : IAsyncDisposable
{
    private const string OpcRequestId = "opc-request-id";

    /// <summary>The name of the user every tenancy is created with (the owner of its API key).</summary>
    internal const string TenancyUserName = "ociraw-emulator-user";

    private readonly WebApplication _app;
    private readonly ApiKeyRegistry _keys = new();
    private readonly TokenRegistry _tokens;
    private readonly SignatureVerifier _verifier;
    private readonly Lazy<EmulatedInstancePrincipals> _instancePrincipals;
    private readonly UserStore _userStore;
    private readonly IdentityUsersApi _users;
    private readonly ObjectStore _objectStore;
    private readonly ObjectStorageApi _objectStorage;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<string> _authenticationFailures = new();
    private readonly string _filesRoot;

    // True when the files live in a folder the caller chose (OciEmulatorOptions.StateDirectory): they outlive the emulator.
    private readonly bool _keepFiles;

    // Folders this emulator wrote a tenancy to, by full path: their files belong to a live tenancy.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tenancyFolders = new(StringComparer.Ordinal);

    private OciEmulator(WebApplication app, OciEmulatorOptions options)
    {
        _app = app;
        _keepFiles = options.StateDirectory is not null;
        _filesRoot = options.StateDirectory is { } state
            ? Directory.CreateDirectory(state).FullName
            : options.TemporaryRoot is { } root
                ? Directory.CreateDirectory(Path.Combine(root, "ociraw-emulator-" + Path.GetRandomFileName())).FullName
                : Directory.CreateTempSubdirectory("ociraw-emulator-").FullName;
        _tokens = new TokenRegistry(options.TimeProvider);
        _verifier = new SignatureVerifier(_keys, _tokens, options.TimeProvider);
        _userStore = new UserStore(options.TimeProvider);
        _users = new IdentityUsersApi(_userStore);
        _objectStore = new ObjectStore(FreshDirectory(Path.Combine(_filesRoot, "objectstorage")), options.TimeProvider);
        _objectStorage = new ObjectStorageApi(_objectStore);
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("OciRaw.Testing.OciEmulator");
        _instancePrincipals = new(() => new EmulatedInstancePrincipals(BaseAddress, options.TimeProvider, _verifier, _tokens, Faults, _logger));
        app.Run(HandleAsync);
    }

    /// <summary>The emulator's endpoint (<c>http://127.0.0.1:port</c>): the BaseAddress for clients.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Scripts responses and counts calls per route.</summary>
    public OciEmulatorFaults Faults { get; } = new();

    /// <summary>
    /// The instance the emulator pretends to run on, for instance-principal clients: IMDS at
    /// <see cref="EmulatedInstancePrincipals.MetadataBaseAddress"/> (<c>BaseAddress + "opc/v2"</c>) and federation at
    /// <see cref="EmulatedInstancePrincipals.FederationEndpoint"/> (<c>BaseAddress + "v1/x509"</c>). Created on
    /// first use (the first one in a process generates the test CA's keys, which takes a few seconds).
    /// </summary>
    public EmulatedInstancePrincipals InstancePrincipals => _instancePrincipals.Value;

    /// <summary>The folder holding Object Storage's bytes (objects and parts); it is deleted with the emulator.</summary>
    internal string ObjectStorageDirectory => _objectStore.Directory;

    /// <summary>The Object Storage namespace of <paramref name="tenancyId"/> (what GetNamespace answers its callers).</summary>
    public string ObjectStorageNamespace(string tenancyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenancyId);
        return _objectStore.NamespaceOf(tenancyId);
    }

    /// <summary>Why each rejected request was rejected, oldest first (what OCI would never tell a client).</summary>
    public IReadOnlyList<string> AuthenticationFailures => _authenticationFailures.ToArray();

    /// <summary>Starts an emulator on a free loopback port.</summary>
    public static async Task<OciEmulator> StartAsync(OciEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OciEmulatorOptions();
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, $"OciEmulatorOptions.Port must be 0 (a free port) or a port number up to {IPEndPoint.MaxPort}.");
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var emulator = new OciEmulator(builder.Build(), options);
        try
        {
            await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A port in use or a cancelled start: the caller never gets the emulator, so its folder goes now.
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address);
        return emulator;
    }

    /// <summary>
    /// Creates a tenancy with one user and a fresh RSA-2048 API key, registers the key, and writes a config file and
    /// key file (owner-only permissions) to <paramref name="directory"/>, or to a folder deleted with the emulator.
    /// </summary>
    /// <exception cref="InvalidOperationException">This emulator already wrote a tenancy to <paramref name="directory"/>.</exception>
    public TestTenancy CreateTenancy(string? directory = null)
    {
        string folder = directory ?? Directory.CreateTempSubdirectory().FullName;
        if (directory is null)
        {
            Directory.Move(folder, folder = Path.Combine(_filesRoot, Path.GetFileName(folder)));
        }

        Directory.CreateDirectory(folder);
        string tenancyId = Ocids.New("tenancy");
        string folderKey = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!_tenancyFolders.TryAdd(folderKey, tenancyId))
        {
            // Files left by an earlier run are replaced, but these belong to a live tenancy: its config would no longer
            // match its key.
            throw new InvalidOperationException(
                $"'{folder}' already holds the config and key of tenancy {_tenancyFolders[folderKey]}, created by this emulator. Pass another folder, or none for a new one.");
        }

        string userId = Ocids.New("user");
        using RSA key = RSA.Create(2048);
        string fingerprint = RegisterApiKey(tenancyId, userId, key);
        _userStore.AddTenancyUser(tenancyId, userId, TenancyUserName, "The user whose API key the emulator created with the tenancy.");
        string keyFile = Path.Combine(folder, TenancyFolder.KeyFileName);
        WriteOwnerOnly(keyFile, key.ExportPkcs8PrivateKeyPem());
        string configFile = Path.Combine(folder, TenancyFolder.ConfigFileName);
        const string Region = "us-ashburn-1";
        WriteOwnerOnly(configFile,
            $"[DEFAULT]\nuser={userId}\nfingerprint={fingerprint}\nkey_file={keyFile}\ntenancy={tenancyId}\nregion={Region}\n");
        return new TestTenancy(tenancyId, userId, fingerprint, keyFile, configFile, Region);
    }

    /// <summary>
    /// Reopens the tenancy that an emulator (this one or an earlier run) wrote to <paramref name="directory"/> with
    /// <see cref="OpenTenancy"/>: the same tenancy, user, API key and Object Storage namespace, so a config file handed
    /// to other tools stays valid across restarts. A folder without a tenancy gets a new one, as from
    /// <see cref="CreateTenancy"/>. Only the tenancy is reopened: users created and buckets written in an earlier run are
    /// not (they lived in that run's memory).
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder's config or key file is damaged (the message names the file and what is wrong), or this emulator already holds that tenancy.</exception>
    public TestTenancy OpenTenancy(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        TenancyFolder.Saved? saved = TenancyFolder.Read(directory);
        if (saved is null)
        {
            TestTenancy created = CreateTenancy(directory);
            TenancyFolder.WriteNamespace(directory, _objectStore.NamespaceOf(created.TenancyId));
            return created;
        }

        string folderKey = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!_tenancyFolders.TryAdd(folderKey, saved.TenancyId))
        {
            throw new InvalidOperationException($"'{directory}' holds tenancy {saved.TenancyId}, which this emulator already opened.");
        }

        using RSA key = saved.LoadKey();
        string fingerprint = RegisterApiKey(saved.TenancyId, saved.UserId, key);
        if (!string.Equals(fingerprint, saved.Fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The fingerprint in '{saved.ConfigFile}' ({saved.Fingerprint}) is not the one of the key in '{saved.KeyFile}' ({fingerprint}): the files no longer belong together.");
        }

        _userStore.AddTenancyUser(saved.TenancyId, saved.UserId, TenancyUserName, "The user whose API key the emulator created with the tenancy.");
        if (saved.Namespace is { } objectStorageNamespace)
        {
            _objectStore.AdoptNamespace(saved.TenancyId, objectStorageNamespace);
        }

        return new TestTenancy(saved.TenancyId, saved.UserId, fingerprint, saved.KeyFile, saved.ConfigFile, saved.Region);
    }

    /// <summary>Accepts <paramref name="key"/>'s public half as an API key of the user; returns its fingerprint.</summary>
    public string RegisterApiKey(string tenancyId, string userId, RSA key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenancyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(key);
        var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        string fingerprint = Fingerprint(publicKey);
        _keys.Register($"{tenancyId}/{userId}/{fingerprint}", publicKey);
        return fingerprint;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_keepFiles)
        {
            return;
        }

        try
        {
            Directory.Delete(_filesRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file may still be open in the test that created it.
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // PutObject and UploadPart bodies are streamed to disk by Object Storage, never read into memory here.
        ObjectStorageRoute? storageRoute = ObjectStorageRoute.Match(context.Request);
        bool streamed = storageRoute?.StreamsBody(context.Request.Method) == true;
        byte[] body = streamed ? [] : await ReadBodyAsync(context.Request).ConfigureAwait(false);
        string? userId = null;
        string? template = storageRoute?.Template ?? IdentityUsersApi.Match(context.Request.Path, out userId);
        string route = context.Request.Method + " " + (template ?? context.Request.Path.Value);
        string requestId = context.Request.Headers[OpcRequestId].FirstOrDefault() is { Length: > 0 } given
            ? given
            : Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Headers[OpcRequestId] = requestId;

        OciFault? fault = Faults.Next(route);
        if (fault is not null && await ApplyFaultAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        if (fault is { LoseResponse: true })
        {
            // The answer is written where nothing reads it (the body feature is replaced, so nothing reaches the
            // socket), and the connection is then reset: the request took effect, the client never hears of it.
            context.Response.Body = Stream.Null;
            await ServeAsync(context, route, requestId, template, userId, storageRoute, body).ConfigureAwait(false);
            context.Abort();
            return;
        }

        await ServeAsync(context, route, requestId, template, userId, storageRoute, body).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context, string route, string requestId, string? template, string? userId, ObjectStorageRoute? storageRoute, byte[] body)
    {
        bool streamed = storageRoute?.StreamsBody(context.Request.Method) == true;
        // IMDS (Bearer Oracle) and federation (leaf-certificate signature) authenticate and answer on their own.
        bool metadata = InstanceMetadataApi.Owns(context.Request.Path);
        bool federation = !metadata && context.Request.Path == FederationApi.Path;
        string? keyId = null;
        IReadOnlyList<string> signedHeaders = [];
        string? failure = metadata ? await InstancePrincipals.Metadata.HandleAsync(context).ConfigureAwait(false)
            : federation ? await InstancePrincipals.Federation.HandleAsync(context, body).ConfigureAwait(false)
            : streamed ? _verifier.VerifyWithoutBody(context.Request, out keyId, out signedHeaders)
            : _verifier.Verify(context.Request, body, out keyId);
        if (failure is not null)
        {
            await RejectAsync(context, route, requestId, failure).ConfigureAwait(false);
            return;
        }

        if (metadata || federation)
        {
            return;
        }

        if (template is null)
        {
            await OciError.WriteAsync(context, StatusCodes.Status404NotFound, "NotFound", $"No API is served at {context.Request.Path}.").ConfigureAwait(false);
            return;
        }

        // The caller's tenancy comes from the keyId that verified the signature (never re-read from the header, where
        // other parameters could mention another tenancy).
        if (storageRoute is not null)
        {
            await _objectStorage.HandleAsync(new ObjectStorageCall(
                context, storageRoute, CallerTenancy(keyId!), CallerPrincipal(keyId!), body, signedHeaders,
                reason => RejectAsync(context, route, requestId, reason))).ConfigureAwait(false);
            return;
        }

        await _users.HandleAsync(context, template, userId, CallerTenancy(keyId!), body).ConfigureAwait(false);
    }

    /// <summary>Answers 401 NotAuthenticated, keeping the reason for <see cref="AuthenticationFailures"/> and the log.</summary>
    private Task RejectAsync(HttpContext context, string route, string requestId, string reason)
    {
        _authenticationFailures.Enqueue($"{route}: {reason}");
        LogRejected(_logger, route, requestId, reason);
        return OciError.NotAuthenticated(context);
    }

    /// <summary>Applies a scripted fault; false when the request should then be served normally.</summary>
    private static async Task<bool> ApplyFaultAsync(HttpContext context, OciFault fault)
    {
        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return true; // The client gave up (a timeout test): nothing left to answer.
            }
        }

        if (fault.DropConnection)
        {
            context.Abort();
            return true;
        }

        if (fault.Status is not int status)
        {
            return false;
        }

        if (fault.RetryAfter is TimeSpan retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await OciError.WriteAsync(context, status, fault.Code!, fault.Message!).ConfigureAwait(false);
        return true;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The tenancy of the verified keyId: its first part, or the tenancy a token was issued for.</summary>
    private string CallerTenancy(string keyId) =>
        keyId.StartsWith(SignatureVerifier.TokenKeyIdPrefix, StringComparison.Ordinal)
            ? _tokens.TenancyOf(keyId[SignatureVerifier.TokenKeyIdPrefix.Length..])!
            : keyId[..keyId.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>Who signed: the user of an API key, or the tenancy a security token was issued for (its principal is not kept).</summary>
    private string CallerPrincipal(string keyId) =>
        keyId.StartsWith(SignatureVerifier.TokenKeyIdPrefix, StringComparison.Ordinal) ? CallerTenancy(keyId) : keyId.Split('/')[1];

    private static string Fingerprint(RSA publicKey)
    {
#pragma warning disable CA5351 // OCI defines the API key fingerprint as MD5 of the public key; it identifies, it does not protect.
        byte[] hash = MD5.HashData(publicKey.ExportSubjectPublicKeyInfo());
#pragma warning restore CA5351
        return string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>An empty folder at <paramref name="path"/>: bytes a previous run left there belong to objects no listing knows any more.</summary>
    private static string FreshDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return path;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Route} (opc-request-id {RequestId}) with 401 NotAuthenticated: {Reason}")]
    private static partial void LogRejected(ILogger logger, string route, string requestId, string reason);

    private static void WriteOwnerOnly(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }

        // Owner-only from the first byte: a new file is created 0600 (not created with the umask's mode and narrowed
        // after the key is already in it), and an existing file is narrowed before it is overwritten.
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    }
}
