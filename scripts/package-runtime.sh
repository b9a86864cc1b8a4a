#!/bin/sh
# Builds the self-contained download for people who cannot install a JDK: a Java runtime cut
# down by jlink to the modules phbsim uses (found by jdeps), the phbsim jar, and launchers that
# use that runtime. Unpack it anywhere and run bin/phbsim (Linux) or bin\phbsim.cmd (Windows).
#
#   scripts/package-runtime.sh                       Linux x64, from this machine's JDK
#   scripts/package-runtime.sh --jmods DIR --platform windows
#                                                    Windows x64, from a Windows JDK 17's jmods
#                                                    folder (jlink builds for the platform whose
#                                                    modules it is given)
#
# Writes target/dist/phbsim-VERSION-PLATFORM.tar.gz (Linux) or .zip (Windows) and prints its size.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
platform=linux
jmods=""
while [ $# -gt 0 ]; do
  case "$1" in
    --platform) platform="$2"; shift 2 ;;
    --jmods) jmods="$2"; shift 2 ;;
    *) echo "package-runtime.sh: unknown argument '$1'; expected --platform linux|windows or --jmods DIR" >&2; exit 2 ;;
  esac
done
case "$platform" in
  linux|windows) ;;
  *) echo "package-runtime.sh: --platform '$platform'; expected linux or windows" >&2; exit 2 ;;
esac
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ -z "$jmods" ]; then
  if [ "$platform" = windows ]; then
    echo "package-runtime.sh: a Windows image needs a Windows JDK 17's jmods folder: --jmods DIR" >&2
    exit 2
  fi
  jmods="$java_home/jmods"
fi
if [ ! -f "$jmods/java.base.jmod" ]; then
  echo "package-runtime.sh: $jmods holds no java.base.jmod; expected a JDK 17's jmods folder" >&2
  exit 2
fi

jar="$here/cli/target/phbsim.jar"
(cd "$here" && ./mvnw -q -B -ntp -DskipTests package -pl cli -am)
version="$(unzip -p "$jar" phbsim/cli/version.properties 2>/dev/null | sed -n 's/^version=//p')"
version="${version:-snapshot}"

# The modules the jar and its libraries need, and the UK locale data its figures are written in.
modules="$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar"),jdk.localedata"

name="phbsim-$version-$platform-x64"
dist="$here/target/dist"
image="$dist/$name"
rm -rf "$image"
mkdir -p "$dist"
"$java_home/bin/jlink" --module-path "$jmods" --add-modules "$modules" \
  --include-locales=en,en-GB --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$image/runtime"
mkdir -p "$image/lib" "$image/bin"
cp "$jar" "$image/lib/phbsim.jar"

cat > "$image/bin/phbsim" <<'LAUNCH'
#!/bin/sh
# phbsim with the Java runtime shipped beside it: no JDK needed.
# (shell built-ins only, so it runs whatever PATH holds)
case "$0" in */*) bin="${0%/*}" ;; *) bin=. ;; esac
here="$bin/.."
exec "$here/runtime/bin/java" ${PHBSIM_JAVA_OPTS:-} -jar "$here/lib/phbsim.jar" "$@"
LAUNCH
chmod +x "$image/bin/phbsim"
printf '@echo off\r\nrem phbsim with the Java runtime shipped beside it: no JDK needed.\r\n"%%~dp0..\\runtime\\bin\\java.exe" %%PHBSIM_JAVA_OPTS%% -jar "%%~dp0..\\lib\\phbsim.jar" %%*\r\nexit /b %%ERRORLEVEL%%\r\n' > "$image/bin/phbsim.cmd"

cd "$dist"
if [ "$platform" = windows ]; then
  out="$name.zip"
  rm -f "$out"
  (command -v zip >/dev/null && zip -qr "$out" "$name") || "$java_home/bin/jar" --create --file "$out" --no-manifest -C "$dist" "$name"
else
  out="$name.tar.gz"
  tar -czf "$out" "$name"
fi
size_image="$(du -sh "$image" | cut -f1)"
size_out="$(du -h "$out" | cut -f1)"
echo "$dist/$out: $size_out to download, $size_image unpacked (modules: $modules)"
echo "$image/bin/phbsim"
