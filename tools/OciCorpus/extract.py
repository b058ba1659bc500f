#!/usr/bin/env python3
"""Extracts OCI's published API description from the OCI SDK sources into tests/Corpus/oci-api.json.gz.

Reads, from bare git snapshots (no work tree needed):
  * the Python SDK's generated clients (src/oci/<service>/*_client.py): every operation's verb, path, path/query/
    header/body parameters with types and collection formats, and response type; and its models
    (src/oci/<service>/models/*.py): properties (swagger_types + attribute_map), base classes, discriminators
    (get_subtype) and each subtype's discriminator value;
  * the Go SDK's response structs (<package>/*_request_response.go): the response headers of each operation
    (`presentIn:"header"` and `presentIn:"header-collection"` fields), which the Python SDK does not describe.

Only CI's inputs are checked in (the .json.gz); this script is needed only to refresh them from a newer snapshot:
  python3 tools/OciCorpus/extract.py [--python-sdk DIR] [--go-sdk DIR] [--out tests/Corpus/oci-api.json.gz]
"""
import argparse
import ast
import gzip
import json
import re
import subprocess
import sys

PY_DEFAULT = "/work/.mirror/oracle+oci-python-sdk/repo"
GO_DEFAULT = "/work/.mirror/oracle+oci-go-sdk/repo"
# Parameters every Python operation takes that are SDK behaviour, not API.
SDK_ONLY_PARAMS = {"retry_strategy", "allow_control_chars", "enable_strict_url_encoding", "buffer_limit"}
MODEL_PREFIX = re.compile(r"oci\.\w+\.models\.")
PARAM_DOC = re.compile(r"^\s*:param (.+?) (\w+): \((required|optional)\)", re.M)


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def read_blobs(repo, paths):
    """{path: text} of many files at HEAD, read with one `git cat-file --batch`."""
    batch = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input="".join(f"HEAD:{p}\n" for p in paths).encode(),
                           capture_output=True, check=True).stdout
    texts, offset = {}, 0
    for path in paths:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        texts[path] = batch[header_end + 1:header_end + 1 + size].decode("utf-8", "replace")
        offset = header_end + 1 + size + 1
    return texts


def literal(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError):
        return None


def python_name_of(value):
    """How a parameter dictionary entry names its Python parameter, and its collection format if any."""
    if isinstance(value, ast.Name):
        return value.id, None
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Attribute) and func.attr == "get" and value.args:  # kwargs.get("x", missing)
            return literal(value.args[0]), None
        if isinstance(func, ast.Attribute) and func.attr == "generate_collection_format_param":
            name, _ = python_name_of(value.args[0])
            return name, literal(value.args[1])
    return None, None


def dict_entries(node):
    return [(literal(k), v) for k, v in zip(node.keys, node.values) if k is not None]


class OperationReader(ast.NodeVisitor):
    """Reads one generated client method."""

    def __init__(self):
        self.assigned = {}
        self.dicts = {}
        self.call = None
        self.header_collections = []

    def visit_Assign(self, node):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if isinstance(node.value, ast.Constant):
                self.assigned.setdefault(name, node.value.value)
            elif isinstance(node.value, ast.Dict) and name not in self.dicts:
                self.dicts[name] = dict_entries(node.value)
        # header_params[f"opc-meta-{key}"] = value, inside `for key, value in kwargs.get("opc_meta", {})`
        self.generic_visit(node)

    def visit_For(self, node):
        iterated = ast.unparse(node.iter)
        target = ast.unparse(node.body[0]) if node.body else ""
        m = re.search(r'kwargs\.get\(["\'](\w+)["\']', iterated)
        p = re.search(r'header_params\[f["\']([\w-]+)\{', target)
        if m and p:
            self.header_collections.append((m.group(1), p.group(1)))
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if self.call is None and isinstance(func, ast.Attribute) and func.attr == "call_api":
            self.call = {k.arg: k.value for k in node.keywords}
        if self.call is None and isinstance(func, ast.Attribute) and func.attr == "make_retrying_call":
            self.call = {k.arg: k.value for k in node.keywords}
        self.generic_visit(node)


def read_operation(fn, base_path):
    reader = OperationReader()
    reader.visit(fn)
    if reader.call is None or "resource_path" not in reader.assigned:
        return None
    doc = ast.get_docstring(fn) or ""
    # Docstrings name models fully (oci.identity.models.CreateUserDetails, even oci.opsi.models.list[str]); the
    # description uses the swagger_types spelling (CreateUserDetails, list[str]) everywhere.
    doc_types = {name: (MODEL_PREFIX.sub("", typ), req == "required") for typ, name, req in PARAM_DOC.findall(doc)}
    params = []
    for location, dict_name in (("path", "path_params"), ("query", "query_params"), ("header", "header_params")):
        for wire, value in reader.dicts.get(dict_name, []):
            py_name, collection_format = python_name_of(value)
            if py_name is None:  # a constant such as "accept": "application/json"
                continue
            typ, required = doc_types.get(py_name, ("str", location == "path"))
            param = {"name": py_name, "in": location, "wire": wire, "type": typ, "required": required}
            if collection_format:
                param["collectionFormat"] = collection_format
            params.append(param)
    for py_name, prefix in reader.header_collections:
        typ, required = doc_types.get(py_name, ("dict(str, str)", False))
        params.append({"name": py_name, "in": "headerCollection", "wire": prefix + "*", "type": typ, "required": required})
    body = reader.call.get("body")
    if body is not None:
        py_name, _ = python_name_of(body)
        typ, required = doc_types.get(py_name, ("object", True))
        params.append({"name": py_name, "in": "body", "wire": None, "type": typ, "required": required})
    constant_headers = {k: literal(v) for k, v in reader.dicts.get("header_params", []) if literal(v) is not None}
    response_type = literal(reader.call["response_type"]) if "response_type" in reader.call else None
    path = "/" + "/".join(s for s in (base_path + "/" + reader.assigned["resource_path"]).split("/") if s)
    link = reader.assigned.get("api_reference_link") or ""
    operation = {
        "name": camel_operation(reader.assigned.get("operation_name", fn.name), link),
        "pythonName": fn.name,
        "method": reader.assigned["method"],
        "path": path,
        "params": params,
    }
    if response_type:
        operation["responseType"] = response_type
    content_type = next((v for k, v in constant_headers.items() if k.lower() == "content-type"), None)
    if content_type and content_type != "application/json":
        operation["contentType"] = content_type
    accept = next((v for k, v in constant_headers.items() if k.lower() == "accept"), None)
    if accept and accept != "application/json":
        operation["accept"] = accept
    if link:
        operation["reference"] = link
    return operation


def camel_operation(snake, link):
    """The operation's API name: the last segment of its API reference link (GetObject), else the CamelCase of the method."""
    tail = link.rstrip("/").rsplit("/", 1)[-1] if link else ""
    if tail and tail.replace("_", "").lower() == snake.replace("_", "").lower():
        return tail
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


def read_client(source):
    tree = ast.parse(source)
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
        if init is None:
            continue
        settings = {}
        for node in ast.walk(init):
            if isinstance(node, ast.Dict):
                for k, v in dict_entries(node):
                    if k in ("base_path", "service_endpoint_template", "endpoint_service_name", "service"):
                        settings.setdefault(k, literal(v))
        if "service_endpoint_template" not in settings:
            continue
        base_path = settings.get("base_path") or "/"
        operations = [op for f in cls.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_")
                      for op in [read_operation(f, base_path)] if op]
        if operations:
            yield {
                "name": cls.name,
                "endpoint": settings["service_endpoint_template"],
                "endpointServiceName": settings.get("endpoint_service_name"),
                "operations": operations,
            }


def read_model(source):
    tree = ast.parse(source)
    cls = next((c for c in tree.body if isinstance(c, ast.ClassDef)), None)
    if cls is None:
        return None
    base = cls.bases[0].id if cls.bases and isinstance(cls.bases[0], ast.Name) and cls.bases[0].id != "object" else None
    swagger, attribute_map, own_values = {}, {}, {}
    discriminator = None
    for f in cls.body:
        if isinstance(f, ast.FunctionDef) and f.name == "__init__":
            for node in ast.walk(f):
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute):
                    attr = node.targets[0].attr
                    if attr == "swagger_types":
                        swagger = literal(node.value) or {}
                    elif attr == "attribute_map":
                        attribute_map = literal(node.value) or {}
                    elif isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                        own_values[attr.lstrip("_")] = node.value.value
        if isinstance(f, ast.FunctionDef) and f.name == "get_subtype":
            text = ast.unparse(f)
            prop = re.search(r"object_dictionary\[['\"](\w+)['\"]\]", text)
            if prop:
                discriminator = {"property": prop.group(1),
                                 "subtypes": dict(re.findall(r"if type == ['\"]([^'\"]*)['\"]:\s*return ['\"](\w+)['\"]", text))}
    properties = [[py, attribute_map.get(py, py), typ] for py, typ in swagger.items()]
    model = {"properties": properties}
    if base:
        model["base"] = base
    if discriminator:
        model["discriminator"] = discriminator
    model["_ownValues"] = own_values
    return cls.name, model


GO_FIELD = re.compile(r'^\s*(\w+)\s+(\S+)\s+`presentIn:"(header|header-collection)"\s+(?:name:"([^"]+)"|prefix:"([^"]+)")', re.M)
GO_RESPONSE = re.compile(r"^type (\w+)Response struct \{(.*?)^\}", re.M | re.S)


def go_header_type(go_type):
    t = go_type.lstrip("*")
    return {"string": "str", "int": "int", "int64": "int", "int32": "int", "bool": "bool", "float32": "float",
            "float64": "float", "common.SDKTime": "datetime", "map[string]string": "dict(str, str)"}.get(
        t, "str" if t.endswith("Enum") else "str")


def read_go_response_headers(go_repo):
    """{(package, operationname lower-cased without underscores): [[header, type], ...]}."""
    files = [p for p in git(go_repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines() if p.endswith("_request_response.go")]
    result = {}
    for path, text in read_blobs(go_repo, files).items():
        package = path.rsplit("/", 1)[0]
        for name, body in GO_RESPONSE.findall(text):
            headers = []
            for _field, go_type, kind, header, prefix in GO_FIELD.findall(body):
                headers.append([prefix + "*", "dict(str, str)"] if kind == "header-collection" else [header.lower(), go_header_type(go_type)])
            result[(package.replace("/", ""), name.lower())] = headers
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python-sdk", default=PY_DEFAULT)
    parser.add_argument("--go-sdk", default=GO_DEFAULT)
    parser.add_argument("--out", default="tests/Corpus/oci-api.json.gz")
    args = parser.parse_args()

    files = git(args.python_sdk, "ls-tree", "-r", "--name-only", "HEAD", "src/oci").splitlines()
    go_headers = read_go_response_headers(args.go_sdk)
    wanted = [p for p in files if p.endswith(".py") and not p.endswith("__init__.py") and p.split("/")[2] != "addons"
              and ((len(p.split("/")) == 4 and p.endswith("_client.py")) or (len(p.split("/")) == 5 and p.split("/")[3] == "models"))]
    texts = read_blobs(args.python_sdk, wanted)
    services = {}
    for path in wanted:
        parts = path.split("/")
        if len(parts) != 4:
            continue
        clients = list(read_client(texts[path]))
        if clients:
            services.setdefault(parts[2], {"name": parts[2], "clients": [], "models": {}})["clients"].extend(clients)
    for service in services.values():
        prefix = f"src/oci/{service['name']}/models/"
        for path in wanted:
            if path.startswith(prefix):
                read = read_model(texts[path])
                if read:
                    service["models"][read[0]] = read[1]
        resolve_discriminator_values(service["models"])
        package = service["name"].replace("_", "")
        for client in service["clients"]:
            for op in client["operations"]:
                headers = go_headers.get((package, op["name"].lower()))
                if headers is not None:
                    op["responseHeaders"] = headers

    ordered = [services[k] for k in sorted(services)]
    description = {
        "description": "OCI's published API, extracted by tools/OciCorpus/extract.py from the OCI SDK sources.",
        "pythonSdk": {"repository": "https://github.com/oracle/oci-python-sdk", "commit": git(args.python_sdk, "rev-parse", "HEAD").strip()},
        "goSdk": {"repository": "https://github.com/oracle/oci-go-sdk", "commit": git(args.go_sdk, "rev-parse", "HEAD").strip()},
        "services": ordered,
    }
    data = json.dumps(description, separators=(",", ":"), sort_keys=False).encode()
    with gzip.GzipFile(args.out, "wb", mtime=0) as out:
        out.write(data)
    operations = sum(len(c["operations"]) for s in ordered for c in s["clients"])
    with_headers = sum(1 for s in ordered for c in s["clients"] for o in c["operations"] if "responseHeaders" in o)
    print(f"{len(ordered)} services, {sum(len(s['clients']) for s in ordered)} clients, {operations} operations "
          f"({with_headers} with Go response headers), {sum(len(s['models']) for s in ordered)} models -> {args.out}", file=sys.stderr)


def resolve_discriminator_values(models):
    """Each subtype's discriminator value comes from its base's get_subtype; its own __init__ value confirms it."""
    for name, model in models.items():
        own = model.pop("_ownValues")
        base = models.get(model.get("base", ""))
        if base and "discriminator" in base:
            for value, subtype in base["discriminator"]["subtypes"].items():
                if subtype == name:
                    model["discriminatorValue"] = value


if __name__ == "__main__":
    main()
