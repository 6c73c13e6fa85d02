#!/usr/bin/env bash
# The GUI's default landscape (Landscape tab, Compute, nothing changed) of a shipped sample model, timed through
# the GUI's code path (GuiLandscape.java). Target (issue 16): ready in under 30 s on 2 cores.
# usage: benchmarks/gui-landscape/run.sh [RUN_FOLDER [DIRECTIONS]]   (default: mnist-layers' L = 2 run, the first
#        the GUI shows; DIRECTIONS as the view's choice box, default hessian as AppModel's)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="${1:-$(ls -d "$home"/sample-models/mnist-layers/runs/mnist-L2-* | head -1)}"
(cd "$home" && mvn -o -q -DskipTests compile)
[ -f "$home/target/classpath.txt" ] || (cd "$home" && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java --add-modules jdk.incubator.vector -Xmx4g -cp "$home/target/classes:$(cat "$home/target/classpath.txt")" \
  "$home/benchmarks/gui-landscape/GuiLandscape.java" "$run" ${2:+"$2"} 2>&1 | grep -v "WARNING: Using incubator"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
