#!/usr/bin/env python3
"""Brings each shipped library's PublicAPI.Unshipped.txt in line with its code: builds the project, adds every symbol
the PublicApiAnalyzers report as undeclared (RS0016) and removes every declared one that is gone (RS0017).
Review the diff: it is the change to what users see.
Usage: python3 tools/update-public-api.py [project folder under src/ ...]   (default: every project with a baseline)"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
folders = [root / "src" / name for name in sys.argv[1:]] or sorted(
    path.parent for path in (root / "src").glob("*/PublicAPI.Unshipped.txt"))

for folder in folders:
    project = next(folder.glob("*.csproj"))
    unshipped = folder / "PublicAPI.Unshipped.txt"
    build = subprocess.run(
        ["dotnet", "build", str(project), "-p:TreatWarningsAsErrors=false", "--no-incremental", "-v:q", "-nologo"],
        capture_output=True, text=True)
    added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", build.stdout))
    removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API", build.stdout))

    lines = [line for line in unshipped.read_text().splitlines() if line and line != "#nullable enable"]
    result = sorted((set(lines) - removed) | added, key=str.lower)
    unshipped.write_text("#nullable enable\n" + "\n".join(result) + "\n")
    print(f"{project.name}: {len(added)} added, {len(removed & set(lines))} removed")
