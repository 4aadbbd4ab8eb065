#!/usr/bin/env bash
# Benchmarks the unified LLM client against the LLM twin on loopback: SSE parsing throughput (MB/s) and the latency
# the client adds to the first token, each with a baseline measured in the same run. Not part of the build.
# Usage: bench/llm/run.sh [--iterations N] [--megabytes M]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk
darkfactory_find_jdk
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# One reactor invocation, so the testkit resolves to its freshly built classes; the llm module is built last and
# leaves its classpath in the file.
./mvnw -B -ntp -q -pl darkfactory-llm -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
"$JAVA_HOME/bin/java" -Xms512m -Xmx2g \
  -cp "darkfactory-llm/target/test-classes:darkfactory-llm/target/classes:$(cat "$cp_file")" \
  dev.darkfactory.llm.bench.LlmBenchmark "$@"
