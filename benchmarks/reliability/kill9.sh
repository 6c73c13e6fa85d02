#!/usr/bin/env bash
# Issue 18's kill -9 trials: train and sweep (tiny settings, embedded MNIST subset) SIGKILLed at seeded random
# moments, then checked that nothing damaged is listed or used (KillNineTest says what is checked).
# Usage: benchmarks/reliability/kill9.sh [TRIALS (default 30)] [SEED (default 18)]
# Prints one line of counts per kind ("kill9 train: ...", "kill9 sweep: ..."); exit status is Maven's.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
trials="${1:-30}"
seed="${2:-18}"
# shellcheck disable=SC2086  # HESSIANSCOPE_MVN_ARGS is a list of words on purpose (e.g. "-o")
mvn --batch-mode -Dstyle.color=never -q ${HESSIANSCOPE_MVN_ARGS:-} -f "$home/pom.xml" test -Dtest=KillNineTest \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhessianscope.kill9.trials="$trials" -Dhessianscope.kill9.seed="$seed" 2>&1 \
  | sed $'s/\x1b\\[[0-9;]*m//g' | grep -E 'kill9 (train|sweep):|FAIL|ERROR|expected'
# (Maven writes bare ESC[0m resets even with -q, so escape sequences are stripped before the lines are picked.)
