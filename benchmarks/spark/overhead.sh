#!/usr/bin/env bash
# Spark's overhead on one machine (issue 20): the same 4-point sweep with the local runner
# (--jobs 2: two points side by side, a thread each) and with --spark local[2] (two tasks, a
# core each), each into a fresh run store, whole commands timed (JVM and Spark start-up
# included). A benchmark, not a test: run it on a quiet machine.
#
#   benchmarks/spark/overhead.sh [TRAIN_SIZE] [REPEATS]     (defaults 2000 and 3)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-2000}"
repeats="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/bench4.yaml" <<YAML
name: bench4
dataset: mnist
train_size: $size
epochs: 1
batch_size: 32
channels: 2
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
mkdir -p "$work/no-data"
# Build both once, outside the timings.
"$home/bin/hessianscope" --version >/dev/null
"$home/bin/hessianscope" sweep --help --spark x >/dev/null

run() {  # run NAME ARGS...: prints the seconds the whole command took
  local name="$1"; shift
  rm -rf "$work/store" "$work/out"
  local t0 t1
  t0=$(date +%s.%N)
  "$home/bin/hessianscope" sweep "$work/bench4.yaml" --store "$work/store" --out "$work/out" \
    --data-dir "$work/no-data" "$@" >"$work/$name.log" 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

local_times=(); spark_times=()
for ((i = 0; i < repeats; i++)); do
  local_times+=("$(run local --jobs 2 --threads 2)")
  spark_times+=("$(run spark --spark 'local[2]')")
done
l=$(printf '%s\n' "${local_times[@]}" | median)
s=$(printf '%s\n' "${spark_times[@]}" | median)
echo "4-point sweep, $size training records, 1 epoch; $repeats runs each, medians; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "local runner --jobs 2:  ${local_times[*]} s  -> median $l s"
echo "--spark local[2]:       ${spark_times[*]} s  -> median $s s"
echo "Spark's overhead: $(echo "scale=1; 100 * ($s - $l) / $l" | bc) % of the local runner's time"
