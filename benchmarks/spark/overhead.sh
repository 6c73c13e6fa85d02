#!/usr/bin/env bash
# Spark's overhead on one machine (issue 20): the same 4-point sweep with the local runner
# (--jobs 2: two points side by side, a thread each) and with --spark local[2] (two tasks, a
# core each), alternating, each into a fresh run store, whole commands timed (JVM and Spark
# start-up included). Each run prints its wall time, the CPU time it used (user + system of the
# command and its children) and the load average before it; the last line is the result:
# Spark's overhead as a share of the local runner's time (target: at most 10 %).
# A benchmark, not a test: rerun it on a quiet machine (load average well below the core count).
#
#   benchmarks/spark/overhead.sh [TRAIN_SIZE] [REPEATS] [EPOCHS] [CHANNELS]
#                                (defaults 1000, 3, 1 and 2; a few minutes)
#
# TRAIN_SIZE is at most 10000 (the embedded subsets); EPOCHS makes each point longer, which is
# with CHANNELS how a sweep of realistic length is timed (Spark's start-up is a fixed cost).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-1000}"
repeats="${2:-3}"
epochs="${3:-1}"
channels="${4:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/bench4.yaml" <<YAML
name: bench4
dataset: mnist
train_size: $size
epochs: $epochs
batch_size: 32
channels: $channels
kernel: 5
sweep:
  parameter: layers
  values: [1, 2, 3, 4]
analysis:
  orderings: 10
  curvature_samples: 32
  lanczos_steps: 10
  per_sample_full: 2
YAML
# Build both once, outside the timings.
"$home/bin/hessianscope" --version >/dev/null
"$home/bin/hessianscope" sweep --help --spark x >/dev/null

run() {  # run NAME ARGS...: prints "WALL CPU LOAD1" for the whole command
  local name="$1"; shift
  rm -rf "$work/store" "$work/out"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -o "$work/time" -f '%e %U %S' "$home/bin/hessianscope" sweep "$work/bench4.yaml" \
      --store "$work/store" --out "$work/out" "$@" >"$work/$name.log" 2>&1; then
    echo "overhead.sh: the $name sweep failed; its output:" >&2
    cat "$work/$name.log" >&2
    exit 1
  fi
  # /usr/bin/time may write a status line first; the numbers are on the last line.
  tail -1 "$work/time" | awk -v l="$load" '{printf "%.2f %.2f %s\n", $1, $2 + $3, l}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "4-point sweep, $size training records, $epochs epoch(s), C=$channels, $repeats runs of each, alternating; $(nproc) cores"
local_wall=(); spark_wall=(); local_cpu=(); spark_cpu=()
for ((i = 1; i <= repeats; i++)); do
  read -r w c l < <(run local --jobs 2 --threads 2)
  echo "  run $i local runner --jobs 2: wall $w s, CPU $c s, load average $l"
  local_wall+=("$w"); local_cpu+=("$c")
  read -r w c l < <(run spark --spark 'local[2]')
  echo "  run $i --spark local[2]:      wall $w s, CPU $c s, load average $l"
  spark_wall+=("$w"); spark_cpu+=("$c")
done
lw=$(printf '%s\n' "${local_wall[@]}" | median); sw=$(printf '%s\n' "${spark_wall[@]}" | median)
lc=$(printf '%s\n' "${local_cpu[@]}" | median); sc=$(printf '%s\n' "${spark_cpu[@]}" | median)
load=$(cut -d' ' -f1-3 /proc/loadavg)
wall_pct=$(awk -v s="$sw" -v l="$lw" 'BEGIN {printf "%.1f", 100 * (s - l) / l}')
cpu_pct=$(awk -v s="$sc" -v l="$lc" 'BEGIN {printf "%.1f", 100 * (s - l) / l}')
verdict=$(awk -v p="$wall_pct" 'BEGIN {print (p <= 10) ? "meets" : "misses"}')
# Spark's cost is mostly fixed (its start-up and class loading), so it shrinks as a share of longer sweeps:
# the sweep time at which this fixed cost would be 10 %.
fixed=$(awk -v s="$sw" -v l="$lw" 'BEGIN {printf "%.1f", s - l}')
break_even=$(awk -v s="$sw" -v l="$lw" 'BEGIN {d = s - l; printf "%.0f", (d > 0 ? 10 * d : 0)}')
# A negative difference means Spark was the faster one: say so instead of a break-even of 0 s.
extra=$(awk -v d="$fixed" -v b="$break_even" 'BEGIN {
  if (d > 0) printf "%.1f s more, within 10 %% for sweeps of %s s or longer", d, b
  else printf "%.1f s less: no fixed cost to amortise at this size", -d }')
echo "RESULT: Spark overhead $wall_pct % of the sweep's wall time (median local $lw s, local[2] $sw s: $extra), $cpu_pct % of its CPU time (median $lc s vs $sc s); $verdict the 10 % target at this size; load average at the end $load on $(nproc) cores"
