#!/usr/bin/env bash
# smppex bench against the benchmark harness's own smppex client, against one raw server, in one run.
#
#   smppex-cli/src/test/sh/bench-vs-harness.sh [ROUNDS] [SESSIONSxWINDOW]     (default: 3 rounds, 1x100)
#
# Needs the two jars (build them first; the script never builds):
#   /work/bin/mvnl -B -q -o package -pl smppex-cli,smppex-bench -am -DskipTests
# On a shared machine, hold the Maven lock for the whole measurement so no build runs meanwhile:
#   flock /tmp/smppex-mvn.lock smppex-cli/src/test/sh/bench-vs-harness.sh
#
# One raw server JVM (io.smppex.bench.raw.RawServer via the harness's ServerMain) serves every
# run. Each round runs the harness client (ClientMain smppex raw: 1.5 s warm-up, 5 s measured) and
# then `smppex bench` (--warmup 1.5s --duration 5s), each in a fresh JVM with the harness's JVM
# flags. Prints each PDU/s and, at the end, the medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
rounds="${1:-3}"
case_spec="${2:-1x100}"
sessions="${case_spec%x*}"
window="${case_spec#*x}"
flags=(-Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch)
bench_jar=smppex-bench/target/smppex-bench.jar
cli_jar=smppex-cli/target/smppex.jar
for j in "$bench_jar" "$cli_jar"; do
  [[ -f "$j" ]] || { echo "missing $j: build it first (see the comment at the top)" >&2; exit 1; }
done

coproc SERVER { exec java "${flags[@]}" -cp "$bench_jar" io.smppex.bench.e2e.ServerMain raw "$window"; }
server_pid=$SERVER_PID
trap 'echo quit >&"${SERVER[1]}" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
read -r ready port <&"${SERVER[0]}"
[[ "$ready" == READY ]] || { echo "server did not start: $ready $port" >&2; exit 1; }
echo "raw server on 127.0.0.1:$port (pid $server_pid), case ${sessions}x${window}, $rounds round(s)" >&2

harness=()
cli=()
for ((r = 1; r <= rounds; r++)); do
  line=$(java "${flags[@]}" -cp "$bench_jar" io.smppex.bench.e2e.ClientMain smppex raw "$port" "$server_pid" \
    "$case_spec" 1.5 0.5 5 1000 2>/dev/null | grep '^RESULT')
  h=$(echo "$line" | cut -f7)
  harness+=("$h")
  json=$(java "${flags[@]}" -jar "$cli_jar" bench --port "$port" --system-id bench --password bench \
    --sessions "$sessions" --window "$window" --warmup 1.5s --duration 5s --json -q | tail -n 1)
  c=$(echo "$json" | sed -E 's/.*"pdu_per_s":([0-9.]+).*/\1/')
  cli+=("$c")
  printf 'round %d: harness smppex client %s PDU/s, smppex bench %s PDU/s\n' "$r" "$h" "$c"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mh=$(median "${harness[@]}")
mc=$(median "${cli[@]}")
awk -v h="$mh" -v c="$mc" 'BEGIN { printf "median: harness %.0f PDU/s, smppex bench %.0f PDU/s, ratio %.2f\n", h, c, c / h }'
