#!/usr/bin/env bash
# Time to a usable window and to drawn charts for the shipped sample models (issue 17), measured on the
# real application under a virtual display, and the longest stretch in which the JavaFX thread ran no pulse.
#
#   benchmarks/gui-start/run.sh [REPETITIONS] [WIDTHxHEIGHT]     (defaults: 5, 1600x1000)
#
# Each repetition starts the window twice in a fresh user folder (HOME in a new temporary folder, no
# XDG_* or HESSIANSCOPE_HOME): the first start opens sample-models/ (the MNIST layer sweep, six runs with
# stored analyses); the second start restores the session the first one saved on exit. The window writes
# its trace (ui.StartupTrace, -Dhessianscope.startupTrace=FILE) and exits once every job has ended.
# Times are milliseconds since the JVM started:
#   window   the first frame painted after stage.show() (the window is usable)
#   runs     the run list's last change (all runs listed)
#   charts   every one of the four charts drawn for the last time (all runs in the charts)
#   after    charts − window: how long the user waits for the charts once the window is there
#   idle     no job runs or waits any more
#   fx-max   the longest gap between two pulses of the JavaFX thread (60 Hz asked for: 17 ms is idle);
#            stalls: how many gaps were longer than 50 ms. On a loaded machine a gap is mostly waiting for a core.
#   fx-cpu   the most CPU time the JavaFX thread spent between two pulses: its longest busy stretch, which
#            the window's code is answerable for, with the code it ran then (its stack sampled every 5 ms)
# The load average and CPU are printed at the start and the end: on a shared machine they say what the
# times are worth. Build first (mvn -o -q -DskipTests package, or bin/hessianscope once); needs xvfb-run.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-5}"
size="${2:-1600x1000}"
cp_file="$home/target/classpath.txt"
if [ ! -d "$home/target/classes/org/hessianscope/ui" ] || [ ! -f "$cp_file" ]; then
  echo "gui-start: no build in $home/target; run mvn -o -q -DskipTests package first" >&2
  exit 2
fi
command -v xvfb-run >/dev/null || { echo "gui-start: xvfb-run is missing (apt-get install xvfb)" >&2; exit 2; }
# JavaFX on the module path (as the packaged launcher and javafx:run do), everything else on the class path.
modules="" classpath="$home/target/classes"
IFS=":" read -r -a jars < "$cp_file" || true  # the file has no final newline
for j in "${jars[@]}"; do
  case "$(basename "$j")" in
    javafx-*) modules="${modules:+$modules:}$j" ;;
    *) classpath="$classpath:$j" ;;
  esac
done
out="$(mktemp -d /tmp/gui-start.XXXXXX)"
machine() {
  echo "$1: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
}
machine start
for i in $(seq 1 "$reps"); do
  user="$out/home-$i"
  mkdir -p "$user"
  for start in first second; do
    trace="$out/$start-$i.txt"
    ( cd "$home" && env -u HESSIANSCOPE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$user" \
      xvfb-run -a -s "-screen 0 ${size}x24" \
      java ${HESSIANSCOPE_JAVA_OPTS:--Xmx8g} --module-path "$modules" \
        --add-modules javafx.controls,javafx.swing,jdk.incubator.vector \
        -Dhessianscope.startupTrace="$trace" -cp "$classpath" org.hessianscope.ui.HessianScopeApp --size "$size" \
      ) > "$out/$start-$i.log" 2>&1 || { echo "gui-start: $start start $i failed; see $out/$start-$i.log" >&2; exit 1; }
    [ -f "$trace" ] || { echo "gui-start: $start start $i wrote no trace; see $out/$start-$i.log" >&2; exit 1; }
  done
  echo "repetition $i done ($(cut -d' ' -f1-3 /proc/loadavg))"
done
machine end
# One row per start, then the medians per kind of start.
summary() {
  awk -v kind="$1" '
    function last(name) { return (name in t) ? t[name] : "-" }
    { ms = $1; name = $2 }
    name == "window.painted" { t["window"] = ms }
    name == "runs.listed" { t["runs"] = ms }
    name ~ /^chart\./ { c[name] = ms }
    name == "jobs.idle" || name == "gave.up" { t["idle"] = ms; if (name == "gave.up") t["gaveup"] = 1 }
    name == "fx.longest" {
      for (i = 3; i <= NF; i++) {
        if ($i ~ /^ms=/) t["fx"] = substr($i, 4)
        if ($i ~ /^stalls/) { split($i, s, "="); t["stalls"] = s[2] }
      }
    }
    name == "fx.busiest" {
      for (i = 3; i <= NF; i++) {
        if ($i ~ /^cpu=/) t["cpu"] = substr($i, 5)
        if ($i ~ /^code=/) { code = substr($0, index($0, "code=") + 5) }
      }
    }
    END {
      charts = 0; n = 0
      for (k in c) { n++; if (c[k] > charts) charts = c[k] }
      after = (n == 4 && ("window" in t)) ? charts - t["window"] : "-"
      printf "%s %s %s %s %s %s %s %s %s %s\n", kind, last("window"), last("runs"), (n == 4 ? charts : "-"), after,
        last("idle"), last("fx"), last("stalls"), last("cpu"), code
    }' "$2"
}
printf '%-13s %7s %7s %7s %7s %7s %7s %7s %7s  %s\n' start window runs charts after idle fx-max stalls fx-cpu \
  "the busiest FX stretch ran"
rows="$out/rows.txt"
: > "$rows"
for i in $(seq 1 "$reps"); do
  for start in first second; do
    summary "$start" "$out/$start-$i.txt" >> "$rows"
  done
done
awk '{ code = ""; for (i = 10; i <= NF; i++) code = code " " $i
       printf "%-13s %7s %7s %7s %7s %7s %7s %7s %7s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, code }' "$rows"
for start in first second; do
  med=""
  for col in 2 3 4 5 6 7 8 9; do
    m=$(awk -v k="$start" -v c="$col" '$1 == k && $c != "-" { print $c }' "$rows" | sort -n \
      | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
                                  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    med="$med $(printf '%7s' "$m")"
  done
  printf '%-13s%s   (%s starts; ms since JVM start)\n' "median-$start" "$med" "$reps"
done
echo "traces and logs: $out"
