#!/usr/bin/env bash
# dump-vs-tcpdump.sh CAPTURE [RUNS] -- time `pcapreport dump` next to tcpdump on
# the same capture, in one run, for `-nn` and `-nn -vvv -e -X`; output to
# /dev/null. Prints wall time (best of RUNS), peak memory, ns/packet and
# packets/s for both, and the ratio tcpdump/pcapreport (> 1: we are faster).
set -euo pipefail
CAP=${1:?usage: dump-vs-tcpdump.sh CAPTURE [RUNS]}
RUNS=${2:-3}
export PATH=$PATH:/usr/local/go/bin:/usr/sbin
cd "$(dirname "$0")/.."
BIN=$(mktemp -d)/pcapreport
CGO_ENABLED=0 go build -o "$BIN" ./cmd/pcapreport
PKTS=$(TZ=UTC tcpdump -nn -q -r "$CAP" 2>/dev/null | wc -l)
echo "capture: $CAP ($PKTS packets, $(du -h "$CAP" | cut -f1))"
# best wall time (s) and peak RSS (KiB) over RUNS runs of a command
measure() {
  local best="" rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o /tmp/dvt.time env TZ=UTC "$@" >/dev/null 2>/dev/null || true
    read -r t m < /tmp/dvt.time
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}
printf '%-18s %-10s %9s %9s %12s %12s\n' options tool seconds peakMiB ns/packet packets/s
for opts in "-nn" "-nn -vvv -e -X"; do
  read -r tt tm <<<"$(measure tcpdump $opts -r "$CAP")"
  read -r pt pm <<<"$(measure "$BIN" dump $opts -r "$CAP")"
  for row in "tcpdump $tt $tm" "pcapreport $pt $pm"; do
    set -- $row
    awk -v o="$opts" -v tool="$1" -v s="$2" -v m="$3" -v n="$PKTS" 'BEGIN{
      printf "%-18s %-10s %9.2f %9.1f %12.0f %12.0f\n", o, tool, s, m/1024, (n? s*1e9/n : 0), (s>0? n/s : 0)}'
  done
  awk -v a="$tt" -v b="$pt" -v o="$opts" 'BEGIN{ if (b>0) printf "%-18s tcpdump/pcapreport = %.2fx\n", o, a/b }'
done
