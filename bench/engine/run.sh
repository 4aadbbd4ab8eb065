#!/usr/bin/env bash
# Engine benchmark (issue 3): a 1,000-node linear pipeline with the scripted backend, checkpointing
# (temp file + fsync + rename) after every node, next to 1,000 bare fsync'd file writes measured in
# the same JVM, in the same directory, alternating round by round.
#
#   bench/engine/run.sh [NODES] [ROUNDS] [DIR]
#
# DIR defaults to bench/out/engine (on the repository's file system, as real runs are); fsync cost
# depends on the file system, so always compare the two numbers of one run, not runs on different disks.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk
darkfactory_find_jdk
nodes=${1:-1000}
rounds=${2:-5}
dir=${3:-bench/out/engine}
echo "== building"
./mvnw -B -q -ntp -Pbench -pl darkfactory-bench -am package -DskipTests
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp darkfactory-bench/target/benchmarks.jar dev.darkfactory.bench.EngineBenchmark "$nodes" "$rounds" "$dir"
