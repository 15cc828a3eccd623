#!/usr/bin/env bash
# Checks what `make package` built (.build/package/dist): the binary carries its Swift runtime,
# runs anywhere on x86-64 with the same bits as the machine-tuned build, the tar.gz works from an
# empty folder outside the checkout, and the .deb installs (as root) with a working `playground`.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the normal build of playground (for the checksums)}
DIST=${PACKAGE_DIST:-.build/package/dist}
fail() { echo "package check FAILED: $*"; exit 1; }
DEB=$(ls "$DIST"/neuralplayground_*.deb 2>/dev/null | head -1)
TGZ=$(ls "$DIST"/neuralplayground-*.tar.gz 2>/dev/null | head -1)
[ -f "$DEB" ] && [ -f "$TGZ" ] || fail "no .deb or tar.gz in $DIST (run make package)"
WORK=$(mktemp -d /tmp/playground-package.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# The tar.gz, unpacked into an empty folder outside the checkout, run from another empty folder
# with none of the app's environment variables.
mkdir -p "$WORK/unpacked" "$WORK/elsewhere"
tar -C "$WORK/unpacked" -xzf "$TGZ"
APP=$(ls -d "$WORK"/unpacked/neuralplayground-*/)playground
[ -x "$APP" ] || fail "no playground in the tar.gz"
run() { (cd "$WORK/elsewhere" && env -u NEURALPLAYGROUND_ASSETS -u NEURALPLAYGROUND_LESSONS -u DISPLAY \
  -u WAYLAND_DISPLAY SDL_VIDEODRIVER=dummy "$APP" "$@"); }

# Nothing from the Swift toolchain is needed at run time.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
libs=$(ldd "$APP")
grep -q "not found" <<<"$libs" && fail "missing libraries: $(echo "$libs" | grep 'not found')"
echo "$libs" | grep -E "$toolchain|libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU" &&
  fail "the binary links the Swift toolchain's libraries"
echo "package: ldd lists $(echo "$libs" | wc -l) libraries, none from $toolchain"

# Built for any x86-64: no AVX (ymm) instructions, and the same weights as the AVX2 build.
if command -v objdump >/dev/null; then
  ymm=$(objdump -d --no-show-raw-insn "$APP" | grep -c '%ymm' || true)
  [ "$ymm" -eq 0 ] || fail "the packaged binary uses AVX registers in $ymm instructions"
fi
checksum() { "$1" train "${@:2}" --json | tail -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["weightsChecksum"])'; }
same_bits() {  # same_bits NAME TRAIN-FLAGS…
  local packaged machine
  packaged=$(checksum "$APP" "${@:2}")
  machine=$(checksum "$BIN" "${@:2}")
  [ -n "$packaged" ] && [ "$packaged" = "$machine" ] ||
    fail "$1 weights differ: packaged $packaged, this machine's build $machine"
  echo "package: $1 weightsChecksum $packaged, the same as this machine's build"
}
same_bits 2-D --dataset spiral --features x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2 --hidden-layers 8,8,8,8,8,8 \
  --epochs 60 --seed 2
same_bits CNN --dataset shapes --shapes circle,square,triangle,cross --conv-layers 8,16 --epochs 2
# Each build replays the history the other saved, bit for bit (the time machine's promise).
"$BIN" train --dataset spiral --features x1,x2,sinx1,sinx2 --hidden-layers 6,4 --epochs 150 --seed 4 \
  --optimizer adam --save "$WORK/machine.json" >/dev/null
"$APP" train --dataset xor --features x1,x2,x1sq,sinx2 --epochs 150 --seed 4 --save "$WORK/packaged.json" >/dev/null
(cd "$WORK/elsewhere" && "$APP" replay "$WORK/machine.json") || fail "the packaged build does not replay this build's session"
"$BIN" replay "$WORK/packaged.json" || fail "this build does not replay the packaged build's session"

version=$(run --version)
[ "$version" = "$("$BIN" --version)" ] || fail "--version says '$version'"
run --screenshot "$WORK/shot.png" --epochs 20 || fail "--screenshot failed"
read -r w h colors <<<"$(identify -format '%w %h %k' "$WORK/shot.png")"
[ "$w" = 1280 ] && [ "$h" = 800 ] && [ "$colors" -gt 500 ] || fail "screenshot is ${w}x$h with $colors colours"
run --lesson learning-rate --screenshot "$WORK/lesson.png" || fail "a shipped lesson did not open by id"
german=$(run --lang de --layout-json)
grep -q '"Lernrate"' <<<"$german" || fail "the tar.gz does not find its German catalog (Assets/lang)"
shipped=$(ls "$(dirname "$APP")"/Lessons/*.yaml | wc -l)
[ "$shipped" -eq "$(ls Lessons/*.yaml | wc -l)" ] || fail "the tar.gz ships $shipped lessons"
run lesson validate "$(dirname "$APP")/Lessons" >"$WORK/validate.txt" || { cat "$WORK/validate.txt"; fail "lesson validate"; }
[ "$(run lesson list | grep -c .)" -ge "$shipped" ] || fail "lesson list does not find the shipped lessons"
grep -q 'Fl -renderer' "$(dirname "$APP")/playground.1" || fail "the man page lacks the window's flags"
echo "package: tar.gz runs from $WORK/unpacked: $version, a ${w}x$h screenshot, $shipped lessons valid"

# The .deb: what it holds and what it depends on.
contents=$(dpkg-deb -c "$DEB")
for f in ./usr/bin/playground ./usr/share/neuralplayground/Assets/fonts/DejaVuSans.ttf \
  ./usr/share/neuralplayground/Assets/lang/de.yaml ./usr/share/neuralplayground/Assets/lang/es.yaml \
  ./usr/share/neuralplayground/Lessons/06-learning-rate.yaml ./usr/share/applications/neuralplayground.desktop \
  ./usr/share/icons/hicolor/256x256/apps/neuralplayground.png ./usr/share/man/man1/playground.1.gz; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb lacks $f"
done
depends=$(dpkg-deb -f "$DEB" Depends)
for dep in $(echo "$depends" | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  case $dep in
    libsdl2-2.0-0 | libsdl2-ttf-2.0-0 | libsdl2-image-2.0-0 | libgif7 | libc6 | libgcc-s1 | libstdc++6) ;;
    *) fail "the .deb depends on $dep" ;;
  esac
done
grep -q libsdl2-2.0-0 <<<"$depends" || fail "the .deb does not depend on SDL2: $depends"
echo "package: $(basename "$DEB") depends on $depends"

if [ "$(id -u)" -ne 0 ]; then
  echo "package: apt-get install skipped (needs root)"
  exit 0
fi
was_installed=$(dpkg-query -W -f='${Status}' neuralplayground 2>/dev/null | grep -c "install ok installed" || true)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(readlink -f "$DEB")" >"$WORK/apt.log" 2>&1 ||
  { tail "$WORK/apt.log"; fail "apt-get install"; }
[ "$was_installed" -eq 0 ] && trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq neuralplayground >/dev/null 2>&1; rm -rf "$WORK"' EXIT
installed=$(cd "$WORK/elsewhere" && env -i PATH=/usr/bin:/bin playground --version) || fail "playground --version"
[ "$installed" = "$version" ] || fail "the installed playground says '$installed'"
# The whole list first: `grep -q` stops reading at its match, and under pipefail the list's next
# write would then fail the pipe.
listed=$(cd "$WORK/elsewhere" && env -i PATH=/usr/bin:/bin playground lesson list) ||
  fail "the installed playground's lesson list failed"
grep -q learning-rate <<<"$listed" || fail "the installed playground does not find /usr/share/neuralplayground/Lessons"
(cd "$WORK/elsewhere" && env -i PATH=/usr/bin:/bin SDL_VIDEODRIVER=dummy playground --screenshot "$WORK/installed.png") ||
  fail "the installed playground cannot render"
echo "package: apt-get install ./$(basename "$DEB") gives playground $installed"
