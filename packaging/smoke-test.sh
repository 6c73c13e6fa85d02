#!/usr/bin/env bash
# Smoke test of the built app image: the command-line launcher answers --version and
# datasets; the GUI launcher renders a screenshot under Xvfb when xvfb-run is available.
# Fails loudly (non-zero exit, message on stderr) when a launcher does not work.
#   packaging/smoke-test.sh [APP_IMAGE_DIR]      (default target/jpackage/HessianScope)
#   packaging/smoke-test.sh --installed          (the installed .deb: /usr/bin/hessianscope and
#                                                 /opt/hessianscope/bin/HessianScope)
set -euo pipefail
fail() { echo "PACKAGING SMOKE TEST FAILED: $*" >&2; exit 1; }
if [ "${1:-}" = "--installed" ]; then
  image=/opt/hessianscope
  cli=/usr/bin/hessianscope
  [ -L "$cli" ] || fail "$cli is not there (the .deb's postinst makes it)"
else
  image="${1:-target/jpackage/HessianScope}"
  [ -d "$image" ] || fail "no app image at $image"
  image="$(cd "$image" && pwd)"
  cli="$image/bin/hessianscope-cli"
fi
gui="$image/bin/HessianScope"
[ -x "$cli" ] || fail "no command-line launcher at $cli"
[ -x "$gui" ] || fail "no GUI launcher at $gui"
[ -d "$image/lib/app/sample-models" ] || fail "sample-models missing from $image/lib/app"

# Run from an empty working directory with a fresh, empty HOME (the application honours
# HOME and the XDG folders): nothing may be unpacked in the working directory, and starting
# the CLI must not unpack ND4J natives anywhere under HOME (they load only when interop is used).
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir "$work/home"
export HOME="$work/home"
unset XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME HESSIANSCOPE_HOME
touch "$work/.start"
out="$(cd "$work" && timeout 60 "$cli" --version 2>&1)" || fail "hessianscope-cli --version: $out"
echo "$out"
grep -q '^HessianScope [0-9]' <<<"$out" || fail "hessianscope-cli --version printed no 'HessianScope <version>': $out"
out="$(cd "$work" && timeout 60 "$cli" datasets 2>&1)" || fail "hessianscope-cli datasets: $out"
echo "$out"
grep -qE '^mnist +yes .*embedded' <<<"$out" || fail "hessianscope-cli datasets did not find the embedded mnist subset"
grep -qE '^fashion-mnist +yes' <<<"$out" || fail "hessianscope-cli datasets did not find fashion-mnist"
[ -z "$(ls -A "$work" | grep -v -e '^\.start$' -e '^home$' || true)" ] || fail "the CLI wrote into its working directory: $(ls -A "$work")"
[ -z "$(find "$HOME" -name native-cache -print -quit)" ] || fail "starting the CLI made a native cache under $HOME"

if command -v xvfb-run >/dev/null 2>&1; then
  shot="$work/screenshot.png"
  (cd "$work" && xvfb-run -a timeout 300 "$gui" --screenshot "$shot") \
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
