#!/usr/bin/env bash
# Start-up time of bin/conformance per invocation: the median and fastest of N runs of
# subcommands that make no network call, with the class cache `make build` creates and without it
# (the same JVM flags, no cache). Usage: bench/conformance/startup.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
n=${1:-20}
make -s -C "$root" build >&2
. "$root/darkfactory-cli/target/conformance-launch.sh"
jar="$root/darkfactory-cli/target/factory.jar"
dots=$(mktemp -d)
printf 'digraph d { start [shape=Mdiamond]; work [prompt="x"]; done [shape=Msquare]; start -> work -> done }\n' > "$dots/d.dot"

measure() { # label, then the command
  local label=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 </dev/null || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-44s median %4d ms   fastest %4d ms\n' "$label" "$(sed -n "$(( (n + 1) / 2 ))p" <<<"$sorted")" "$(head -1 <<<"$sorted")"
}

uncached=${CONFORMANCE_OPTS%%-XX:AOTCache*}
uncached=${uncached%%-XX:SharedArchiveFile*}
echo "JVM: $("$CONFORMANCE_JAVA" -version 2>&1 | head -1); $(nproc) cores; $n runs each"
cd "$dots"
for sub in "client-from-env" "list-models" "parse d.dot" "validate d.dot" "list-handlers"; do
  # shellcheck disable=SC2086
  measure "bin/conformance $sub" "$root/bin/conformance" $sub
  # shellcheck disable=SC2086
  measure "  same, without the class cache" "$CONFORMANCE_JAVA" $uncached -cp "$jar" dev.darkfactory.cli.conformance.ConformanceMain $sub
done
cd "$root"
rm -rf "$dots"
