#!/usr/bin/env bash
# Benchmarks the agent's grep and glob tools over a generated 50,000-file tree, next to ripgrep and find on the same
# tree in the same run. Not part of the build. Prints a table; the figures in docs/agent.md come from it.
# Usage: bench/agent/run.sh [--files N] [--runs N] [--keep]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk
darkfactory_find_jdk
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -ntp -q -pl darkfactory-agent -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
"$JAVA_HOME/bin/java" -Xms512m -Xmx2g \
  -cp "darkfactory-agent/target/test-classes:darkfactory-agent/target/classes:$(cat "$cp_file")" \
  dev.darkfactory.agent.bench.SearchBenchmark "$@"
