#!/usr/bin/env bash
# Front-end benchmark (issue 2): parse + validate of a generated 10,000-node, 20,000-edge pipeline,
# next to Graphviz's own parser (`nop`, from the graphviz package) on the same file, in the same run.
#
#   bench/front-end.sh [NODES] [EDGES]
#
# Prints: file size; nop wall time (median of 10 runs); our warmed-up parse and parse+validate time
# (JMH, average) with MB/s; and `factory validate` end to end (median of 10 runs, JVM start included).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk
darkfactory_find_jdk
java="$JAVA_HOME/bin/java"
nodes=${1:-10000}
edges=${2:-20000}
out=bench/out
mkdir -p "$out"
file="$out/pipeline-${nodes}.dot"

command -v nop >/dev/null || { echo "bench: 'nop' not found: install graphviz (apt-get install graphviz)" >&2; exit 1; }

echo "== building"
./mvnw -B -q -ntp -Pbench -pl darkfactory-bench,darkfactory-cli -am package -DskipTests
"$java" -cp darkfactory-bench/target/benchmarks.jar dev.darkfactory.bench.PipelineGenerator "$nodes" "$edges" > "$file"
bytes=$(stat -c %s "$file")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
echo "== input: $file, $nodes nodes, $edges edges, $mb MB"

median_ms() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
time_runs() {
  for _ in $(seq 10); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }'
  done | median_ms
}

nop_ms=$(time_runs nop "$file")
echo "== baseline: graphviz nop, median of 10: ${nop_ms} ms ($(awk -v b="$bytes" -v t="$nop_ms" 'BEGIN { printf "%.1f", b / 1048576 / (t / 1000) }') MB/s)"

echo "== Dark Factory, warmed-up JVM (JMH)"
"$java" -jar darkfactory-bench/target/benchmarks.jar FrontEndBenchmark -p file="$file" -f 2 -wi 5 -w 1s -i 10 -r 1s \
  -rf csv -rff "$out/front-end.csv" 2>/dev/null | grep -E "^FrontEndBenchmark|^Benchmark" || true
while IFS=, read -r name mode threads samples score error unit param; do
  name=${name//\"/}
  name=${name##*bench.}
  case "$name" in FrontEndBenchmark.*) ;; *) continue ;; esac
  awk -v n="${name#FrontEndBenchmark.}" -v s="$score" -v b="$bytes" -v nop="$nop_ms" \
    'BEGIN { printf "   %-24s %8.1f ms  %7.1f MB/s  %5.2fx the speed of nop\n", n, s, b / 1048576 / (s / 1000), nop / s }'
done < "$out/front-end.csv"

cli_ms=$(time_runs ./factory validate "$file")
echo "== Dark Factory end to end: ./factory validate (JVM start included), median of 10: ${cli_ms} ms"
