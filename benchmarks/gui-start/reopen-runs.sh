#!/usr/bin/env bash
# Time to a full run list and drawn charts when the window reopens 8 analysed runs (issue 17, defect 21):
# the 6 runs of sample-models/mnist-layers and 2 of mnist-kernel, each with its compact analysis.json,
# opened as a second start would (a session with a fresh file, the runs given with --run), in screenshot
# mode, which prints when the window was shown, the runs listed and their analyses drawn, then exits.
#   benchmarks/gui-start/reopen-runs.sh            # after mvn -o -q -DskipTests package
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$home"
[ -f cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt >/dev/null
cp="target/classes:$(cat cp.txt)"
fx="$(tr ':' '\n' < cp.txt | grep '/org/openjfx/' | grep linux | paste -sd: -)"
runs=()
for d in $(ls -d sample-models/mnist-layers/runs/* | head -6) $(ls -d sample-models/mnist-kernel/runs/* | head -2); do
  runs+=(--run "$d")
done
session="$(mktemp -d)/session.json"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
xvfb-run -a -s "-screen 0 1600x1000x24" java --add-modules jdk.incubator.vector --module-path "$fx" \
  --add-modules javafx.controls,javafx.swing -cp "$cp" org.hessianscope.ui.HessianScopeApp \
  --session "$session" --size 1280x720 --screenshot "${1:-/tmp/reopen-runs.png}" "${runs[@]}" 2>&1 \
  | grep -v 'WARNING\|incubat'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
