#!/usr/bin/env bash
# Runs a command and prints, on stderr, the machine's busy CPU-seconds during
# it (all processes, from /proc/stat) beside the wall-clock time: on a shared
# or noisy machine the CPU spent is steadier than the time taken.
#   scripts/cpu-seconds.sh npm test
set -u
read -r _ u n s _ _ q sq st _ < /proc/stat
before=$((u + n + s + q + sq + st))
started=$(date +%s.%N)
"$@"
status=$?
read -r _ u n s _ _ q sq st _ < /proc/stat
after=$((u + n + s + q + sq + st))
ended=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
awk -v cpu=$((after - before)) -v hz="$ticks" -v t0="$started" -v t1="$ended" -v rc="$status" \
  'BEGIN { printf "busy CPU: %.0f s, wall: %.0f s, exit %d\n", cpu / hz, t1 - t0, rc }' >&2
exit "$status"
