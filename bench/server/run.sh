#!/usr/bin/env bash
# Server load test (issue 7): 200 concurrent runs on the scripted backend with 500 SSE subscribers,
# all on loopback, bounded in count (and by a 5-minute timeout). Prints runs per second, p50/p99
# event delivery latency and peak heap; the report is also left in darkfactory-server/target/load-report.txt.
#
#   bench/server/run.sh [RUNS] [SUBSCRIBERS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-200}
subscribers=${2:-500}
./mvnw -B -q -ntp -pl darkfactory-server -am test -Dgroups=load -Dserver.excludedGroups=none -Dtest=ServerLoadTest \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dserver.testArgs="-Xmx1g -Dload.runs=$runs -Dload.subscribers=$subscribers" >/dev/null
cat darkfactory-server/target/load-report.txt
