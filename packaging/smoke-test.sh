#!/usr/bin/env bash
# Smoke test of the built app image: the command-line launcher answers --version and
# datasets; the GUI launcher renders a screenshot under Xvfb when xvfb-run is available.
# Fails loudly (non-zero exit, message on stderr) when a launcher does not work.
#   packaging/smoke-test.sh [APP_IMAGE_DIR]      (default target/jpackage/HessianScope)
set -euo pipefail
image="${1:-target/jpackage/HessianScope}"
[ -d "$image" ] || { echo "PACKAGING SMOKE TEST FAILED: no app image at $image" >&2; exit 1; }
image="$(cd "$image" && pwd)"
cli="$image/bin/hessianscope-cli"
gui="$image/bin/HessianScope"
fail() { echo "PACKAGING SMOKE TEST FAILED: $*" >&2; exit 1; }
[ -x "$cli" ] || fail "no command-line launcher at $cli"
[ -x "$gui" ] || fail "no GUI launcher at $gui"
[ -d "$image/lib/app/sample-models" ] || fail "sample-models missing from $image/lib/app"

# Run from an empty working directory: nothing may be unpacked there. Java's user.home comes
# from the password database, not $HOME, so the ND4J native cache is checked in the real one:
# starting the CLI must not add anything to it (DL4J natives load only when interop is used).
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
userhome="$(getent passwd "$(id -u)" | cut -d: -f6)"; userhome="${userhome:-$HOME}"
cache="$userhome/.hessianscope/native-cache"
touch "$work/.start"
out="$(cd "$work" && timeout 60 "$cli" --version 2>&1)" || fail "hessianscope-cli --version: $out"
echo "$out"
grep -q '^HessianScope [0-9]' <<<"$out" || fail "hessianscope-cli --version printed no 'HessianScope <version>': $out"
out="$(cd "$work" && timeout 60 "$cli" datasets 2>&1)" || fail "hessianscope-cli datasets: $out"
echo "$out"
grep -qE '^mnist +yes .*embedded' <<<"$out" || fail "hessianscope-cli datasets did not find the embedded mnist subset"
grep -qE '^fashion-mnist +yes' <<<"$out" || fail "hessianscope-cli datasets did not find fashion-mnist"
[ -z "$(ls -A "$work" | grep -v '^\.start$' || true)" ] || fail "the CLI wrote into its working directory: $(ls -A "$work")"
if [ -d "$cache" ] && [ -n "$(find "$cache" -newer "$work/.start" -print -quit)" ]; then
  fail "starting the CLI unpacked ND4J natives into $cache"
fi

if command -v xvfb-run >/dev/null 2>&1; then
  shot="$work/screenshot.png"
  (cd "$work" && xvfb-run -a timeout 120 "$gui" --screenshot "$shot") \
    || fail "GUI launcher under Xvfb exited with an error"
  [ -f "$shot" ] || fail "GUI launcher wrote no screenshot"
  size=$(stat -c %s "$shot")
  # A blank 1500x920 window compresses to a few kB; the real window is > 50 kB.
  [ "$size" -gt 20000 ] || fail "GUI screenshot is only $size bytes (blank window?)"
  echo "GUI launcher: screenshot $size bytes"
else
  echo "xvfb-run not available: GUI launcher not smoke-tested"
fi
echo "packaging smoke test passed: $image"
