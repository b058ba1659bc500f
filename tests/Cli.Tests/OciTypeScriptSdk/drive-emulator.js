// Drives `ociraw emulator` with Oracle's OCI TypeScript SDK: a client OciRaw did not write, signing as Oracle's
// http-signature stack signs. Usage: node drive-emulator.js ENDPOINT CONFIG_FILE TENANCY_OCID
// Prints one JSON document with what each call returned; the xunit test (EmulatorTypeScriptSdkTests) asserts it.
"use strict";
const common = require("oci-common");
const objectstorage = require("oci-objectstorage");
const identity = require("oci-identity");

async function readAll(body) {
  // getObject answers a node Readable or a web ReadableStream, depending on the fetch the SDK found.
  const chunks = [];
  if (typeof body.getReader === "function") {
    const reader = body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(Buffer.from(part.value));
  } else {
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

async function statusOf(call) {
  try {
    await call();
    return 200;
  } catch (e) {
    return { statusCode: e.statusCode, serviceCode: e.serviceCode };
  }
}

async function main() {
  const [endpoint, configFile, tenancy] = process.argv.slice(2);
  const provider = new common.ConfigFileAuthenticationDetailsProvider(configFile, "DEFAULT");
  const noRetry = { retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) } };
  const storage = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: provider }, noRetry);
  storage.endpoint = endpoint;
  const iam = new identity.IdentityClient({ authenticationDetailsProvider: provider }, noRetry);
  iam.endpoint = endpoint;

  const result = {};
  const namespaceName = (await storage.getNamespace({})).value;
  result.namespace = namespaceName;
  const bucketName = "ts-sdk-bucket";
  const created = await storage.createBucket({ namespaceName, createBucketDetails: { name: bucketName, compartmentId: tenancy } });
  result.bucket = { name: created.bucket.name, namespace: created.bucket.namespace, compartmentId: created.bucket.compartmentId };

  const content = Buffer.from("Hello from the OCI TypeScript SDK, é and all.\n", "utf8");
  const objectName = "greetings/hello.txt";
  const put = await storage.putObject({
    namespaceName, bucketName, objectName, putObjectBody: content, contentLength: content.length,
    contentType: "text/plain", opcMeta: { origin: "typescript-sdk" },
  });
  result.put = { eTag: put.eTag, opcContentMd5: put.opcContentMd5 };

  const got = await storage.getObject({ namespaceName, bucketName, objectName });
  const bytes = await readAll(got.value);
  result.get = { sameBytes: Buffer.compare(bytes, content) === 0, length: bytes.length, contentType: got.contentType, eTag: got.eTag, opcMeta: got.opcMeta };

  const listed = await storage.listObjects({ namespaceName, bucketName, prefix: "greetings/", fields: "name,size,md5" });
  result.list = listed.listObjects.objects.map(o => ({ name: o.name, size: o.size, md5: o.md5 }));

  const head = await storage.headObject({ namespaceName, bucketName, objectName });
  result.head = { contentLength: head.contentLength, eTag: head.eTag, contentMd5: head.contentMd5 };

  await storage.deleteObject({ namespaceName, bucketName, objectName });
  result.headAfterDelete = await statusOf(() => storage.headObject({ namespaceName, bucketName, objectName }));
  await storage.deleteBucket({ namespaceName, bucketName });
  result.getBucketAfterDelete = await statusOf(() => storage.getBucket({ namespaceName, bucketName }));

  // A POST with a JSON body: the signed-header list this SDK writes is capitalized (Content-Type Content-Length).
  const user = await iam.createUser({ createUserDetails: { compartmentId: tenancy, name: "ts-sdk-user", description: "made by the OCI TypeScript SDK" } });
  result.createdUser = { name: user.user.name, lifecycleState: user.user.lifecycleState };
  const users = await iam.listUsers({ compartmentId: tenancy });
  result.users = users.items.map(u => u.name).sort();

  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}

main().catch(e => {
  process.stderr.write("OCI TypeScript SDK call failed: " + (e && e.stack ? e.stack : String(e)) + "\n");
  process.exit(1);
});
