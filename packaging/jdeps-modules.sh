#!/usr/bin/env bash
# Prints the JDK modules the packaged jars use (input to the jlink module list in jpackage.sh).
#   packaging/jdeps-modules.sh target/jpackage-input
# Each jar is analysed on its own; a jar whose module-info is broken (nd4j-api's names a
# package it lacks) is analysed as a plain jar with module-info removed.
set -euo pipefail
input="$1"
jdk="${JPACKAGE_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for jar in "$input"/*.jar "$input"/javafx/*.jar; do
  if ! "$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 -summary "$jar" >"$tmp/out" 2>/dev/null; then
    cp "$jar" "$tmp/plain.jar"
    zip -q -d "$tmp/plain.jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
    "$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 -summary "$tmp/plain.jar" >"$tmp/out" 2>/dev/null \
      || { echo "jdeps-modules.sh: jdeps failed on $jar" >&2; continue; }
  fi
  grep -o -E -- '-> (java|jdk)\.[a-z.]+' "$tmp/out" | sed 's/-> //' >>"$tmp/mods" || true
done
sort -u "$tmp/mods" | paste -sd, -
