#!/usr/bin/env bash
# report-vs-decode.sh CAPTURE [RUNS] -- time `pcapreport report` next to a
# minimal decode-only Go loop (bench/decodeloop) and `tshark -q -z expert` on
# the same capture, in one run: best wall time of RUNS (default 3; tshark
# once) and the highest peak memory. Prints seconds, peak memory, ns/packet
# and the ratio report/decode-loop (the target is <= 2.5).
set -euo pipefail
CAP=${1:?usage: report-vs-decode.sh CAPTURE [RUNS]}
RUNS=${2:-3}
export PATH=$PATH:/usr/local/go/bin:/usr/sbin
cd "$(dirname "$0")/.."
DIR=$(mktemp -d)
CGO_ENABLED=0 go build -o "$DIR/pcapreport" ./cmd/pcapreport
CGO_ENABLED=0 go build -o "$DIR/decodeloop" ./bench/decodeloop
PKTS=$("$DIR/decodeloop" "$CAP" | awk '{print $1}')
echo "capture: $CAP ($PKTS packets, $(du -h "$CAP" | cut -f1))"
run() { # label runs command...: prints "label best-seconds peakKiB"
  local label=$1 n=$2 best="" peak=0 s m; shift 2
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$DIR/time" "$@" >"$DIR/$label.out" 2>/dev/null || true
    read -r s m < <(tail -1 "$DIR/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    [ "$m" -gt "$peak" ] && peak=$m
  done
  echo "$label $best $peak"
}
printf '%-22s %9s %9s %11s\n' tool seconds peakMiB ns/packet
results=()
results+=("$(run decode-loop "$RUNS" "$DIR/decodeloop" "$CAP")")
results+=("$(run report-text "$RUNS" "$DIR/pcapreport" report "$CAP")")
results+=("$(run report-json "$RUNS" "$DIR/pcapreport" report --format json "$CAP")")
if command -v tshark >/dev/null 2>&1 && [ -z "${NO_TSHARK:-}" ]; then
  results+=("$(run tshark-expert 1 tshark -r "$CAP" -q -z expert)")
fi
for r in "${results[@]}"; do
  set -- $r
  awk -v l="$1" -v s="$2" -v m="$3" -v n="$PKTS" 'BEGIN{printf "%-22s %9.2f %9.1f %11.0f\n", l, s, m/1024, (n? s*1e9/n : 0)}'
done
base=$(echo "${results[0]}" | awk '{print $2}')
for r in "${results[@]:1}"; do
  set -- $r
  awk -v l="$1" -v s="$2" -v b="$base" 'BEGIN{ if (b>0) printf "%s / decode-loop = %.2fx\n", l, s/b }'
done
echo "outputs kept in $DIR"
