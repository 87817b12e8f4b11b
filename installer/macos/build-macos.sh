#!/usr/bin/env bash
# Builds SalesDesk's macOS disk image: installer/target/SalesDesk-VERSION.dmg holding SalesDesk.app
# with its own trimmed Java runtime. Dragging it to Applications (or ~/Applications, which needs
# no administrator) installs it. Run from the repository after
#   ./mvnw -B package -DskipTests -pl app -am
# on a Mac with a full JDK 17 (jmods; Temurin has them). The .app is not signed or notarised
# (that needs an Apple Developer ID): the first start is with right-click → Open.
# Not run on the Linux CI: the GitHub workflow .github/workflows/installers.yml does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
DIST="$ROOT/app/target/salesdesk"
OUT="$ROOT/installer/target"
JAVA_HOME=${JAVA_HOME:-$(/usr/libexec/java_home -v 17)}
[ -f "$JAVA_HOME/jmods/java.base.jmod" ] || { echo "build-macos: $JAVA_HOME has no jmods: a full JDK 17 is needed" >&2; exit 1; }
[ -d "$DIST/lib" ] || { echo "build-macos: build the app first: ./mvnw -B package -DskipTests -pl app -am" >&2; exit 1; }
APP_JAR=$(cd "$DIST/lib" && ls salesdesk-app-*.jar)
VERSION=${APP_JAR#salesdesk-app-}; VERSION=${VERSION%.jar}; VERSION=${VERSION%-SNAPSHOT}
# A macOS bundle version must not start with 0.
case "$VERSION" in 0.*) BUNDLE_VERSION="1.${VERSION#0.}" ;; *) BUNDLE_VERSION=$VERSION ;; esac

rm -rf "$OUT"; mkdir -p "$OUT/input" "$OUT/classes"
cp "$DIST"/lib/*.jar "$OUT/input/"
# The JDK modules the jars use, as in build-linux.sh (jdeps reads the classes unpacked).
for jar in "$OUT"/input/*.jar; do
  dir="$OUT/classes/$(basename "$jar" .jar)"; mkdir -p "$dir"
  (cd "$dir" && "$JAVA_HOME/bin/jar" xf "$jar")
  # The build repacks BouncyCastle unsigned (app/pom.xml; why: installer/README.md "Fast start").
  if ls "$dir"/META-INF/*.SF >/dev/null 2>&1; then
    echo "build-macos: $(basename "$jar") in $DIST/lib is signed: rebuild the app" >&2; exit 1
  fi
done
find "$OUT/classes" -name module-info.class -delete
MODULES=$("$JAVA_HOME/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q "$OUT"/classes/*)
MODULES="$MODULES,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.jfr,java.smartcardio,jdk.security.jgss,jdk.crypto.cryptoki"
rm -rf "$OUT/classes"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh --strip-debug --no-man-pages \
  --no-header-files --compress=2 --generate-cds-archive --output "$OUT/runtime"

# --file-associations: Finder opens .sdtemplate files with SalesDesk; the file arrives as an open-file
# event, which Main routes to the window (unverified on a Mac: installer/README.md). jpackage runs in
# the repository, as the association's icon is named relative to it. No salesdesk.home: its bin/
# launcher is the plain distribution's; bench startup finds the .app's from jpackage.app-path.
cd "$ROOT"
"$JAVA_HOME/bin/jpackage" --type dmg --name SalesDesk --app-version "$BUNDLE_VERSION" --vendor SalesDesk \
  --description "SalesDesk 销售台: customers, leads, deals, contracts and payments" \
  --input "$OUT/input" --main-jar "$APP_JAR" --main-class io.salesdesk.app.Main \
  --runtime-image "$OUT/runtime" --icon "$ROOT/installer/icons/salesdesk.icns" \
  --java-options '-Dfile.encoding=UTF-8' \
  --mac-package-identifier io.salesdesk.app --mac-package-name SalesDesk \
  --file-associations "$ROOT/installer/macos/sdtemplate.properties" \
  --license-file "$ROOT/LICENSE" --dest "$OUT"
rm -rf "$OUT/input"
ls "$OUT"/*.dmg
