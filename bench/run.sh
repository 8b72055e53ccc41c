#!/usr/bin/env bash
# Builds the benchmark harness once, then runs it: JMH codec benchmarks, the end-to-end loopback
# matrix and the idle-session memory test, and writes bench/results/<date>-<host>.md.
#
#   bench/run.sh               everything, about 15 minutes
#   bench/run.sh --quick       everything, short runs (a few minutes): checks the harness, not for decisions
#   bench/run.sh --jmh         only some parts: any of --jmh --e2e --memory
#   bench/run.sh --help        every option (clients, servers, cases, measuring time, JFR...)
#
# BENCH_SKIP_BUILD=1 reuses smppex-bench/target/smppex-bench.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build with the shared Maven lock when there is one: other builds on this machine must not run
# during our measurements, and ours must not run during theirs. The lock is released before any
# benchmark starts.
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  mvn_cmd=(mvn)
  if [[ -x /work/bin/mvnl ]]; then mvn_cmd=(/work/bin/mvnl); fi
  echo "building smppex-bench (${mvn_cmd[*]} package, tests skipped)..." >&2
  "${mvn_cmd[@]}" -B -q package -pl smppex-bench -am -DskipTests
fi

jar=smppex-bench/target/smppex-bench.jar
[[ -f "$jar" ]] || { echo "missing $jar: build failed?" >&2; exit 1; }

# 10,000 idle sessions need 10,000+ descriptors in the server and in the client JVM.
want=16384
hard=$(ulimit -Hn)
if [[ "$hard" != "unlimited" && "$hard" -lt "$want" ]]; then want=$hard; fi
ulimit -n "$want" 2>/dev/null || true
if [[ "$(ulimit -n)" != "unlimited" && "$(ulimit -n)" -lt 10300 ]]; then
  echo "warning: only $(ulimit -n) file descriptors; pass --sessions N with N well below that" >&2
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain -- smppex-pdu smppex-core smppex-micrometer smppex-bench 2>/dev/null)" ]]; then commit="$commit+dirty"; fi

# The runner itself only starts processes and waits; a small heap keeps it out of the way.
exec java -Xmx512m -Dbench.commit="$commit" -jar "$jar" --out bench/results "$@"
