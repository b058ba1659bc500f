#!/usr/bin/env python3
"""Brings src/Runtime/PublicAPI.Unshipped.txt in line with the code: builds the runtime, adds every symbol the
PublicApiAnalyzers report as undeclared (RS0016) and removes every declared one that is gone (RS0017).
Review the diff: it is the change to what users see. Usage: python3 tools/update-public-api.py"""
import pathlib
import re
import subprocess

root = pathlib.Path(__file__).resolve().parent.parent
project = root / "src" / "Runtime" / "OciRaw.csproj"
unshipped = root / "src" / "Runtime" / "PublicAPI.Unshipped.txt"

build = subprocess.run(
    ["dotnet", "build", str(project), "-p:TreatWarningsAsErrors=false", "--no-incremental", "-v:q", "-nologo"],
    capture_output=True, text=True)
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", build.stdout))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API", build.stdout))

lines = [line for line in unshipped.read_text().splitlines() if line and line != "#nullable enable"]
result = sorted((set(lines) - removed) | added, key=str.lower)
unshipped.write_text("#nullable enable\n" + "\n".join(result) + "\n")
print(f"{len(added)} added, {len(removed & set(lines))} removed")
