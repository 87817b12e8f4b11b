# Builds SalesDesk's Windows installer: installer\target\SalesDesk-VERSION.msi, a per-user install
# (no administrator rights: it goes to %LOCALAPPDATA%\SalesDesk) with a Start-menu entry, a desktop
# shortcut and its own trimmed Java runtime. Run from the repository after
#   .\mvnw.cmd -B package -DskipTests -pl app -am
# Needs a full JDK 17 with jmods (Temurin has them) in JAVA_HOME and WiX Toolset 3 (candle.exe,
# light.exe) on PATH. Not run on the Linux CI: the GitHub workflow .github/workflows/installers.yml does.
$ErrorActionPreference = 'Stop'
$root = Resolve-Path "$PSScriptRoot\..\.."
$dist = "$root\app\target\salesdesk"
$out = "$root\installer\target"
$jdk = $env:JAVA_HOME
if (-not $jdk -or -not (Test-Path "$jdk\jmods\java.base.jmod")) { throw "JAVA_HOME must be a full JDK 17 with jmods" }
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { throw "WiX Toolset 3 (candle.exe, light.exe) must be on PATH" }
if (-not (Test-Path "$dist\lib")) { throw "Build the app first: .\mvnw.cmd -B package -DskipTests -pl app -am" }

$appJar = (Get-ChildItem "$dist\lib\salesdesk-app-*.jar").Name
# 0.1.0-SNAPSHOT -> 0.1.0: an MSI wants a plain number.
$version = $appJar -replace '^salesdesk-app-', '' -replace '\.jar$', '' -replace '-SNAPSHOT$', ''

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory "$out\input", "$out\classes" | Out-Null
Copy-Item "$dist\lib\*.jar" "$out\input"

# The JDK modules the jars use (as build-linux.sh: jdeps reads the classes unpacked, because it
# refuses modular jars whose own module dependencies are not all present).
foreach ($jar in Get-ChildItem "$out\input\*.jar") {
  $dir = New-Item -ItemType Directory "$out\classes\$($jar.BaseName)"
  Push-Location $dir; & "$jdk\bin\jar.exe" xf $jar.FullName; Pop-Location
  # The build repacks BouncyCastle unsigned (app/pom.xml; why: installer/README.md "Fast start").
  if (Get-ChildItem "$dir\META-INF" -ErrorAction SilentlyContinue | Where-Object { $_.Extension -in '.SF', '.RSA', '.DSA', '.EC' }) {
    throw "$($jar.Name) in $dist\lib is signed: rebuild the app (.\mvnw.cmd -B package -DskipTests -pl app -am)"
  }
}
Get-ChildItem -Recurse "$out\classes" -Filter module-info.class | Remove-Item
$modules = & "$jdk\bin\jdeps.exe" --multi-release 17 --ignore-missing-deps --print-module-deps -q (Get-ChildItem "$out\classes" -Directory).FullName
if ($LASTEXITCODE -ne 0) { throw "jdeps failed" }
$modules = "$modules,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.jfr,java.smartcardio,jdk.security.jgss,jdk.crypto.cryptoki"
Remove-Item -Recurse -Force "$out\classes"

& "$jdk\bin\jlink.exe" --add-modules $modules --include-locales=en,zh --strip-debug --no-man-pages `
  --no-header-files --compress=2 --generate-cds-archive --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

# salesdesk-cli: the same app with a console, for the command line (salesdesk-cli info, import...).
Set-Content "$out\salesdesk-cli.properties" "win-console=true`nwin-shortcut=false`nwin-menu=false"
# The upgrade code stays the same across versions, so a newer .msi replaces an older one.
# --file-associations: a double-click on a .sdtemplate file opens SalesDesk on its install plan;
# jpackage runs in the repository, as the association's icon is named relative to it.
Push-Location $root
& "$jdk\bin\jpackage.exe" --type msi --name SalesDesk --app-version $version --vendor SalesDesk `
  --description "SalesDesk: customers, leads, deals, contracts and payments" `
  --input "$out\input" --main-jar $appJar --main-class io.salesdesk.app.Main `
  --runtime-image "$out\runtime" --icon "$root\installer\icons\salesdesk.ico" `
  --java-options '-Dfile.encoding=UTF-8' `
  --add-launcher "salesdesk-cli=$out\salesdesk-cli.properties" `
  --file-associations "$root\installer\windows\sdtemplate.properties" `
  --win-per-user-install --win-menu --win-menu-group SalesDesk --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f3a8f0e-5b1d-4c59-9a1e-2d7c4b8e9f10 `
  --license-file "$root\LICENSE" --dest $out
$jpackageExit = $LASTEXITCODE
Pop-Location
if ($jpackageExit -ne 0) { throw "jpackage failed" }
Remove-Item -Recurse -Force "$out\input"
Get-ChildItem "$out\*.msi"
