#!/usr/bin/env bash
# Publishes tests/AotSmoke with NativeAOT and runs the native binary: the runtime and the generated code must be
# trimming- and AOT-clean (any IL/AOT warning fails) and must behave the same when compiled ahead of time.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/artifacts/aot-smoke"
log="$PWD/artifacts/aot-smoke.log"
rm -rf "$out"
mkdir -p "$(dirname "$log")"
if ! dotnet publish tests/AotSmoke -r linux-x64 -o "$out" > "$log" 2>&1; then
  cat "$log"
  echo "NativeAOT publish failed" >&2
  exit 1
fi
if grep -E "warning (IL|AOT|CS)[0-9]+" "$log"; then
  echo "NativeAOT publish produced warnings" >&2
  exit 1
fi
"$out/OciRaw.AotSmoke"
