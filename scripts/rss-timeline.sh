#!/usr/bin/env bash
# Runs a command and samples its resident memory every second, for memory benchmarks that must
# show a curve (flat after the first images), not only the peak that /usr/bin/time reports.
#   scripts/rss-timeline.sh OUT.csv COMMAND [ARG...]    writes "seconds,rss_mb" rows; prints the peak
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: scripts/rss-timeline.sh OUT.csv COMMAND [ARG...]" >&2; exit 2; }
out=$1
shift
"$@" &
pid=$!
echo "seconds,rss_mb" > "$out"
start=$(date +%s.%N)
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || true)
  hwm=$(awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || true)
  [[ -n "$rss" ]] && awk -v now="$(date +%s.%N)" -v start="$start" -v rss="$rss" 'BEGIN { printf "%.1f,%d\n", now - start, rss }' >> "$out"
  [[ -n "$hwm" && "$hwm" -gt "$peak" ]] && peak=$hwm
  sleep 1
done
status=0
wait "$pid" || status=$?
echo "peak RSS ${peak} MB (VmHWM), $(($(wc -l < "$out") - 1)) samples in $out"
exit $status
