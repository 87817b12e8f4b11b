#!/usr/bin/env bash
# Builds SalesDesk's Linux packages with jlink and jpackage (JDK 17):
#   installer/target/image/salesdesk/   an app image with its own trimmed runtime and a class data archive
#   installer/target/salesdesk_VERSION_ARCH.deb
# from the distribution `./mvnw package` makes in app/target/salesdesk (built first if absent).
# Usage: installer/build-linux.sh [--image-only] [--no-image-archive]
#   --image-only        no .deb
#   --no-image-archive  the image goes without its class data archive (CI: the .deb's postinst
#                       records its own, and this saves a start of the app)
# dpkg-deb packs with xz (smallest download, minutes on a busy machine); DPKG_DEB_COMPRESSOR_TYPE=gzip
# in the environment packs in seconds (CI does).
# Needs a full JDK 17 with jmods (Debian: openjdk-17-jdk openjdk-17-jmods), objcopy (binutils,
# for jlink --strip-debug) and, for the .deb, fakeroot and dpkg-deb. No display is needed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
INSTALLER="$ROOT/installer"
DIST="$ROOT/app/target/salesdesk"
OUT="$INSTALLER/target"
IMAGE_ONLY=no
IMAGE_ARCHIVE=yes
for arg in "$@"; do
  case "$arg" in
    --image-only) IMAGE_ONLY=yes ;;
    --no-image-archive) IMAGE_ARCHIVE=no ;;
    *) echo "build-linux: unknown option $arg (try --image-only, --no-image-archive)" >&2; exit 2 ;;
  esac
done

fail() { echo "build-linux: $*" >&2; exit 1; }
step() { echo "build-linux [$(date +%T)]: $*"; }

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}
for tool in jdeps jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || fail "$JAVA_HOME/bin/$tool is missing: a full JDK 17 is needed (set JAVA_HOME)"
done
[ -f "$JAVA_HOME/jmods/java.base.jmod" ] \
  || fail "$JAVA_HOME/jmods is missing: jlink needs the JDK's modules (Debian: apt-get install openjdk-17-jmods)"
command -v objcopy >/dev/null || fail "objcopy is missing: jlink --strip-debug runs it (Debian: apt-get install binutils)"
if [ $IMAGE_ONLY = no ]; then
  for tool in fakeroot dpkg-deb; do
    command -v $tool >/dev/null || fail "$tool is missing: it makes the .deb (Debian: apt-get install $tool)"
  done
fi

if [ ! -d "$DIST/lib" ]; then
  step "building the app (./mvnw package -DskipTests -pl app -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl app -am)
fi
APP_JAR=$(cd "$DIST/lib" && ls salesdesk-app-*.jar)
# 0.1.0-SNAPSHOT -> 0.1.0: packages want a plain number.
VERSION=${APP_JAR#salesdesk-app-}; VERSION=${VERSION%.jar}; VERSION=${VERSION%-SNAPSHOT}

rm -rf "$OUT"
mkdir -p "$OUT/input"
cp "$DIST"/lib/*.jar "$OUT/input/"
# Monocle (JavaFX without a display) is on the class path only so the class data archive can be
# recorded by a headless start (postinst, below); it is inert unless -Dglass.platform=Monocle.
MONOCLE_VERSION=$(sed -n 's:.*<monocle.version>\(.*\)</monocle.version>.*:\1:p' "$ROOT/pom.xml")
MONOCLE_JAR="$HOME/.m2/repository/org/testfx/openjfx-monocle/$MONOCLE_VERSION/openjfx-monocle-$MONOCLE_VERSION.jar"
if [ ! -f "$MONOCLE_JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="org.testfx:openjfx-monocle:$MONOCLE_VERSION")
fi
cp "$MONOCLE_JAR" "$OUT/input/"

# The JDK modules the jars use. jdeps refuses modular jars whose own module dependencies are not
# all present (POI names modules the app never loads), so it reads the classes unpacked instead.
step "finding the JDK modules the app needs (jdeps)"
mkdir -p "$OUT/classes"
for jar in "$OUT"/input/*.jar; do
  dir="$OUT/classes/$(basename "$jar" .jar)"
  mkdir -p "$dir"
  # unzip where there is one: jar starts a JVM per jar, minutes for ~100 jars on a busy machine.
  if command -v unzip >/dev/null; then unzip -q -o "$jar" -d "$dir"; else (cd "$dir" && "$JAVA_HOME/bin/jar" xf "$jar"); fi
  # The build repacks BouncyCastle unsigned (app/pom.xml; why: installer/README.md "Fast start"). A
  # distribution built before that still has the signed jar, which would slow every start.
  if ls "$dir"/META-INF/*.SF >/dev/null 2>&1; then
    fail "$(basename "$jar") in $DIST/lib is signed: rebuild the app (./mvnw package -DskipTests -pl app -am)"
  fi
done
find "$OUT/classes" -name module-info.class -delete
MODULES=$("$JAVA_HOME/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q "$OUT"/classes/*)
rm -rf "$OUT/classes"
# What jdeps cannot see: Chinese locale data (dates, numbers), GBK/GB18030 for Chinese CSV files,
# elliptic-curve TLS to PostgreSQL, zip file systems, JFR to diagnose a slow start, and the
# security providers java.security names (SunPCSC, JdkSASL, SunPKCS11): one missing sends the JDK
# looking through every jar on the class path for it whenever the provider list is first read.
MODULES="$MODULES,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.jfr,java.smartcardio,jdk.security.jgss,jdk.crypto.cryptoki"
step "runtime modules: $MODULES"

step "linking the runtime (jlink)"
# --generate-cds-archive: the runtime's own class data archive, the base the app's archive extends.
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
  --output "$OUT/runtime"

# Every start maps the class data archive if it is there and matches; -Xshare:auto makes a
# missing, stale or damaged one a silent fallback to loading classes, never an error.
JAVA_OPTIONS=(--java-options '-Dfile.encoding=UTF-8'
  --java-options '-Dsalesdesk.home=$APPDIR/../..'
  --java-options '-Xshare:auto'
  --java-options '-XX:SharedArchiveFile=$APPDIR/salesdesk.jsa'
  --java-options '-Xlog:cds=off'
  --java-options '-Xlog:cds+dynamic=off')
DESCRIPTION="Sales operations for a sales team: customers, leads, deals, contracts and payments"
COMMON=(--name salesdesk --app-version "$VERSION" --vendor "SalesDesk"
  --description "$DESCRIPTION" --copyright "SalesDesk")

step "making the app image (jpackage)"
# A second launcher, salesdesk-cds, records the archive: the same class path as salesdesk (an
# archive only matches the class path it was recorded with), headless, writing the archive at exit.
cat > "$OUT/salesdesk-cds.properties" <<'EOF'
java-options=-Dfile.encoding=UTF-8 -XX:ArchiveClassesAtExit=$APPDIR/salesdesk.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1920x1200-32 -Dprism.order=sw -Djava.awt.headless=true
linux-shortcut=false
EOF
"$JAVA_HOME/bin/jpackage" --type app-image "${COMMON[@]}" \
  --input "$OUT/input" --main-jar "$APP_JAR" --main-class io.salesdesk.app.Main \
  --runtime-image "$OUT/runtime" --icon "$INSTALLER/icons/salesdesk-256.png" \
  "${JAVA_OPTIONS[@]}" --add-launcher salesdesk-cds="$OUT/salesdesk-cds.properties" \
  --dest "$OUT/image"
IMAGE="$OUT/image/salesdesk"

# What the .deb's postinst copies to /usr/share (and prerm removes): the icon in every size
# installer/icons has, for menus, docks and file managers, and the template file type for
# shared-mime-info (a double-click on a .sdtemplate file opens SalesDesk).
SHARE="$IMAGE/lib/share"
for png in "$INSTALLER"/icons/salesdesk-*.png; do
  size=${png##*/salesdesk-}; size=${size%.png}
  install -D -m 644 "$png" "$SHARE/icons/hicolor/${size}x${size}/apps/salesdesk.png"
done
install -D -m 644 "$INSTALLER/icons/salesdesk.svg" "$SHARE/icons/hicolor/scalable/apps/salesdesk.svg"
install -D -m 644 "$INSTALLER/linux/salesdesk-mime.xml" "$SHARE/mime/packages/salesdesk.xml"

if [ $IMAGE_ONLY = no ]; then
  step "making the .deb (jpackage)"
  # The .deb installs under /opt/salesdesk, where postinst records the archive (one recorded
  # here would not match that path): it is packed before the image gets its own. jpackage runs
  # in the repository: the file association's icon is named relative to it.
  (cd "$ROOT" && "$JAVA_HOME/bin/jpackage" --type deb "${COMMON[@]}" --app-image "$IMAGE" \
    --resource-dir "$INSTALLER/linux" --icon "$INSTALLER/icons/salesdesk-256.png" \
    --file-associations "$INSTALLER/linux/sdtemplate.properties" \
    --linux-package-name salesdesk --linux-deb-maintainer support@salesdesk.io \
    --linux-menu-group Office --linux-shortcut --license-file "$ROOT/LICENSE" \
    --dest "$OUT")
fi

if [ $IMAGE_ARCHIVE = yes ]; then
  # As the .deb's postinst does: a headless start on a small throwaway demo workspace.
  step "recording the image's class data archive (a headless start on a small demo workspace)"
  SCRATCH=$(mktemp -d)
  if JAVA_TOOL_OPTIONS="-Duser.home=$SCRATCH" timeout 300 "$IMAGE/bin/salesdesk" demo \
        --data-dir "$SCRATCH/workspace" --customers 50 >"$OUT/cds-training.log" 2>&1 \
      && JAVA_TOOL_OPTIONS="-Duser.home=$SCRATCH" timeout 300 "$IMAGE/bin/salesdesk-cds" \
        --data-dir "$SCRATCH/workspace" --exit-after-shown >>"$OUT/cds-training.log" 2>&1 \
      && [ -f "$IMAGE/lib/app/salesdesk.jsa" ]; then
    step "class data archive: $(du -h "$IMAGE/lib/app/salesdesk.jsa" | cut -f1)"
  else
    echo "build-linux: no class data archive (see $OUT/cds-training.log); the image starts without one" >&2
  fi
  rm -rf "$SCRATCH"
fi
rm -rf "$OUT/input"

step "done: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"
[ $IMAGE_ONLY = yes ] || step "done: $(ls "$OUT"/*.deb) ($(du -h "$OUT"/*.deb | cut -f1))"
