#!/usr/bin/env bash
# Startup of ociraw as a user sees it: wall time of whole processes, interleaved (each round runs every build once,
# so load drifts hit all of them alike). Process start cannot be measured inside BenchmarkDotNet's process, hence a
# script; results in docs/benchmarks.md ("CLI startup").
#
#   BUILDS="jit=/path/OciRaw.Cli aot=/path/OciRaw.Cli" ROUNDS=15 benchmarks/cli-startup.sh version|help|dry|send [URL]
#
# version: ociraw --version; help: ociraw raw-request --help; dry: --dry-run of a signed GET (config, key, RSA); send: a signed GET to URL
# (a loopback server, e.g. python3 -m http.server).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?version, help, dry or send}
url=${2:-http://127.0.0.1:18765/}
export OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING=True
config=samples/raw-request/config
declare -A times
for round in $(seq 1 "${ROUNDS:-15}"); do
  for build in ${BUILDS:?name=path pairs}; do
    name=${build%%=*}; exe=${build#*=}
    start=$(date +%s%N)
    case "$mode" in
      version) "$exe" --version > /dev/null 2>&1 || true ;;
      help) "$exe" raw-request --help > /dev/null 2>&1 || true ;;
      dry) "$exe" raw-request --http-method GET --target-uri https://x.example.com/20160918/users --config-file "$config" --dry-run > /dev/null 2>&1 || true ;;
      send) "$exe" raw-request --http-method GET --target-uri "$url" --config-file "$config" > /dev/null 2>&1 || true ;;
    esac
    end=$(date +%s%N)
    times[$name]+="$(( (end - start) / 1000000 )) "
  done
done
for build in $BUILDS; do
  name=${build%%=*}
  echo "$mode $name: $(echo ${times[$name]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms (n=%d)", a[int((NR+1)/2)], a[1], NR}')"
done
