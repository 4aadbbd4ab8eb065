#!/usr/bin/env bash
# Runs one example on the agent backend, offline: the LLM twin plays the example's script
# (examples/twin/NAME.json) and the agents really write files and run commands in a scratch
# working directory, which is printed at the end.
#
#   examples/run-on-twin.sh NAME [factory run options]
#   NAME: quickstart, feature-loop, explore, approval, semport
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
name=${1:?usage: examples/run-on-twin.sh quickstart|feature-loop|explore|approval|semport [options]}
shift
script="$root/examples/twin/$name.json"
[ -f "$script" ] || { echo "no twin script $script" >&2; exit 2; }
dot="$root/examples/$name.dot"
workdir=$(mktemp -d "${TMPDIR:-/tmp}/factory-$name.XXXXXX")
extra=()
case "$name" in
  semport) dot="$root/examples/semport/semport.dot"; cp -r "$root/examples/semport/." "$workdir/" ;;
  approval) extra=(--answers "$root/examples/approval.answers.json") ;;
esac

log="$workdir/twin.log"
: >"$log" # exists before the twin writes to it, so the first read below does not fail
"$root/factory" twin llm --port 0 --script "$script" >"$log" 2>&1 &
twin=$!
trap 'kill "$twin" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  url=$(sed -n 's/^LLM twin listening on //p' "$log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$log" >&2; echo "the twin did not start" >&2; exit 1; }

env -u OPENAI_API_KEY -u GEMINI_API_KEY -u GOOGLE_API_KEY -u DARKFACTORY_PROVIDERS \
  ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL="$url" \
  "$root/factory" run "$dot" --workdir "$workdir" --logs-root "$workdir/.factory/run" "${extra[@]}" "$@"
echo "working directory: $workdir"
