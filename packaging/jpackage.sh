#!/usr/bin/env bash
# Builds the HessianScope app image (and optionally the .deb) with JDK 17's jlink and jpackage.
# Called by `mvn -Ppackage package` (exec-maven-plugin) after the jar and its runtime
# dependencies are in target/jpackage-input/; usable by hand with the same arguments:
#   packaging/jpackage.sh TARGET_DIR VERSION TYPES      (TYPES: "app-image" or "app-image deb")
set -euo pipefail
target="$1"; version="$2"; types="${3:-app-image deb}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
# The JDK whose jlink/jpackage (and jmods) are used: JPACKAGE_JDK, JAVA_HOME, the java on the
# PATH, then Debian/Ubuntu's JDK 17.
jdk=""
for c in "${JPACKAGE_JDK:-}" "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
         /usr/lib/jvm/java-17-openjdk-amd64; do
  if [ -n "$c" ] && [ -x "$c/bin/jpackage" ] && [ -d "$c/jmods" ]; then jdk="$c"; break; fi
done
[ -n "$jdk" ] || { echo "jpackage.sh: no JDK 17+ with bin/jpackage and jmods/ found (set JPACKAGE_JDK; on Debian/Ubuntu apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

input="$target/jpackage-input"
out="$target/jpackage"
runtime="$target/jpackage-runtime"
# jpackage wants a plain numeric version (0.1.0-SNAPSHOT -> 0.1.0).
appversion="$(echo "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"

rm -rf "$input"/javafx-*.jar "$input/main-jar.txt"  # left by older layouts: JavaFX lives in javafx/
# Sample models travel inside the app folder; the launchers pass -Dhessianscope.home=$APPDIR.
rm -rf "$input/sample-models"
cp -r "$repo/sample-models" "$input/sample-models"

# Modules: the output of packaging/jdeps-modules.sh on target/jpackage-input (java.base ...
# jdk.unsupported.desktop; jdk.unsupported serves JavaFX and ND4J's sun.misc.Unsafe), plus
# jdk.jfr (seen by jdeps on the app jar's class path), java.naming, and jdk.crypto.ec so that
# `download` (HttpURLConnection over HTTPS) negotiates modern TLS. Re-run the script when
# dependencies change. jdk.incubator.vector: the float32 training kernels (the launchers add it).
modules="java.base,java.compiler,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,jdk.incubator.vector"
rm -rf "$runtime" "$out"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$runtime"

common=(--name HessianScope --app-version "$appversion"
  --vendor "HessianScope" --description "Loss landscape of CNNs as the training set grows, through the Hessian"
  --input "$input" --main-jar "$(cat "$target/jpackage-main-jar.txt")" --main-class org.hessianscope.ui.HessianScopeApp
  --runtime-image "$runtime" --icon "$repo/assets/icon/hessianscope.png"
  --java-options '-Dhessianscope.home=$APPDIR --module-path $APPDIR/javafx --add-modules javafx.controls,javafx.swing,jdk.incubator.vector'
  --add-launcher "hessianscope-cli=$here/hessianscope-cli.properties"
  --dest "$out")
for t in $types; do
  case "$t" in
    app-image) "$jdk/bin/jpackage" --type app-image "${common[@]}" ;;
    deb) "$jdk/bin/jpackage" --type deb "${common[@]}" --resource-dir "$here/deb" \
           --linux-package-name hessianscope --linux-shortcut --linux-menu-group "Science;Education" \
           --linux-app-category science --linux-deb-maintainer "hessianscope@localhost" \
           --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1" ;;
    *) echo "jpackage.sh: unknown type $t (valid: app-image, deb)" >&2; exit 1 ;;
  esac
done
ls -la "$out"
