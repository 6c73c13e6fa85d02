#!/usr/bin/env bash
# The GUI's analysis and analyze's defaults, this checkout (B) against another (A, e.g. the build before issue 15),
# alternating A B A B B A on fresh copies of one run folder, whole commands with JVM start (/usr/bin/time).
# usage: benchmarks/gui-analysis/ab.sh A_CHECKOUT RUN_DIR [DATA_DIR]
#   RUN_DIR must be readable by both builds (train it with the older one). The analysis.json files are kept in
#   $WORK (default /tmp/gui-analysis-ab) as analysis-LABEL.json, to compare their numbers.
set -euo pipefail
a="$(cd "$1" && pwd)"; run="$2"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${3:-$home/../shared/datasets}"
work="${WORK:-/tmp/gui-analysis-ab}"; mkdir -p "$work"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
one() { # LABEL CHECKOUT [analyze options]
  local label=$1 bin=$2/bin/hessianscope; shift 2
  rm -rf "$work/x" && cp -r "$run" "$work/x" && rm -f "$work/x/analysis.json"
  local l0; l0=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %U" -o "$work/t" "$bin" analyze --run "$work/x" --data-dir "$data" "$@" > "$work/out-$label.txt" 2>&1
  echo "$label wall/user s: $(cat "$work/t"), load $l0 -> $(cut -d' ' -f1-3 /proc/loadavg)"
  cp "$work/x/analysis.json" "$work/analysis-$label.json"
}
gui=(--curvature-samples 256 --lanczos-steps 20 --per-sample-full 20)
one gui-A1 "$a" "${gui[@]}"
one gui-B1 "$home" "${gui[@]}"
one gui-A2 "$a" "${gui[@]}"
one gui-B2 "$home" "${gui[@]}"
one defaults-B "$home"
one defaults-A "$a"
