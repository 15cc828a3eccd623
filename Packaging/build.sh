#!/usr/bin/env bash
# `make package`: the Debian package and the portable tar.gz, from a clean checkout, in
# .build/package/dist. The binary carries the Swift standard library and Foundation (static), is
# built for baseline x86-64 (no Haswell-only instructions), and needs only SDL2, SDL2_ttf and
# SDL2_image and giflib (and what they need) at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build/package
STAGE=$SCRATCH/stage
DIST=$SCRATCH/dist

# Baseline x86-64 (Package.swift drops -target-cpu haswell), in its own build folder so the normal
# build keeps its own flags and objects.
export NEURALPLAYGROUND_BASELINE_CPU=1

# The binary with the Swift runtime inside.
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product playground
BIN=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/playground
if ldd "$BIN" | grep -q libswiftCore; then echo "$BIN links the Swift runtime dynamically"; exit 1; fi

# The man page, from the command's own help, by swift-argument-parser's generate-manual (the tool
# its plugin runs; the plugin itself would build the whole package again, without the static
# runtime, over this build).
PARSER=$SCRATCH/checkouts/swift-argument-parser
swift build --package-path "$PARSER" --scratch-path "$SCRATCH/manual-tool" --product generate-manual 2>&1 |
  grep -E ": error:|^error:|Build of" || true
rm -rf "$SCRATCH/manual" && mkdir -p "$SCRATCH/manual"
"$SCRATCH/manual-tool/debug/generate-manual" "$BIN" --output-directory "$SCRATCH/manual" \
  --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" --authors NeuralPlayground
MAN=$SCRATCH/manual/playground.1
[ -s "$MAN" ] || { echo "generate-manual wrote no playground.1"; exit 1; }
VERSION=$("$BIN" --version)
ARCH=$(dpkg --print-architecture)

# The Debian package: /usr/bin/playground finds its data in /usr/share/neuralplayground.
rm -rf "$STAGE" "$DIST"
mkdir -p "$DIST"
DEB=$STAGE/deb
mkdir -p "$DEB/DEBIAN" "$DEB/usr/bin" "$DEB/usr/share/neuralplayground/Assets" \
  "$DEB/usr/share/applications" "$DEB/usr/share/man/man1" "$DEB/usr/share/doc/neuralplayground" \
  "$DEB/usr/share/icons/hicolor/256x256/apps" "$DEB/usr/share/icons/hicolor/48x48/apps"
install -m 755 -s "$BIN" "$DEB/usr/bin/playground"
cp -r Assets/fonts Assets/lang "$DEB/usr/share/neuralplayground/Assets/"
mkdir -p "$DEB/usr/share/neuralplayground/Lessons"
install -m 644 Lessons/*.yaml Lessons/README.md "$DEB/usr/share/neuralplayground/Lessons/"
# The translated lessons, in their language folders (Lessons/es, Lessons/de).
for folder in Lessons/*/; do
  install -d "$DEB/usr/share/neuralplayground/$folder"
  install -m 644 "$folder"*.yaml "$DEB/usr/share/neuralplayground/$folder"
done
install -m 644 Packaging/neuralplayground.desktop "$DEB/usr/share/applications/"
Packaging/icon.sh "$DEB/usr/share/icons/hicolor/256x256/apps/neuralplayground.png" 256
Packaging/icon.sh "$DEB/usr/share/icons/hicolor/48x48/apps/neuralplayground.png" 48
gzip -9n <"$MAN" >"$DEB/usr/share/man/man1/playground.1.gz"
{
  echo "NeuralPlayground $VERSION"
  echo
  echo "The fonts (Assets/fonts) are DejaVu, under this license:"
  echo
  cat Assets/fonts/LICENSE-DejaVu.txt
} >"$DEB/usr/share/doc/neuralplayground/copyright"
chmod -R u+rwX,go+rX,go-w "$DEB"

# Depends: what the binary links, as Debian's own tool names it (SDL2 and the C/C++ runtime).
SHLIBS=$STAGE/shlibs
mkdir -p "$SHLIBS/debian"
printf 'Source: neuralplayground\n\nPackage: neuralplayground\nArchitecture: any\n' >"$SHLIBS/debian/control"
DEPENDS=$(cd "$SHLIBS" && dpkg-shlibdeps -O -e"$OLDPWD/$DEB/usr/bin/playground" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
# DEB_MAINTAINER names who answers for the package; the default is a placeholder.
MAINTAINER=${DEB_MAINTAINER:-NeuralPlayground maintainers <maintainers@neuralplayground.invalid>}
cat >"$DEB/DEBIAN/control" <<CONTROL
Package: neuralplayground
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$DEB" | cut -f1)
Depends: $DEPENDS
Section: education
Priority: optional
Description: desktop neural-network playground for classrooms
 Learners train small neural networks on 2-D point datasets and small CNNs on
 generated shape images, and watch them learn live: decision boundaries, every
 neuron's picture, loss curves, filters and class pictures. Guided lessons walk
 a class through one idea at a time. Same seed, same bits, on every machine.
CONTROL
# xz level 2: 18.7 MB against 16.4 MB at the default level 6, in a third of the time.
dpkg-deb --root-owner-group -Zxz -z2 --build "$DEB" "$DIST/neuralplayground_${VERSION}_${ARCH}.deb" >/dev/null

# The portable tar.gz: the binary finds Assets/ and Lessons/ beside itself.
NAME=neuralplayground-$VERSION-linux-$(uname -m)
TAR=$STAGE/$NAME
mkdir -p "$TAR"
cp "$DEB/usr/bin/playground" "$TAR/"
cp -r "$DEB/usr/share/neuralplayground/Assets" "$DEB/usr/share/neuralplayground/Lessons" "$TAR/"
cp "$DEB/usr/share/applications/neuralplayground.desktop" "$TAR/"
cp "$DEB/usr/share/icons/hicolor/256x256/apps/neuralplayground.png" "$TAR/"
cp "$MAN" "$TAR/playground.1"
cat >"$TAR/README.txt" <<README
NeuralPlayground $VERSION for Linux on x86-64

Run ./playground (the window) or ./playground --help. It needs the SDL2 libraries and giflib:
  Debian/Ubuntu: sudo apt-get install $(echo "$DEPENDS" | tr ',' '\n' | sed 's/ *(.*//; s/^ *//' | grep -iE 'sdl|gif' | tr '\n' ' ')
Keep the Assets and Lessons folders beside the program. "man ./playground.1" shows the manual.
README
tar -C "$STAGE" --owner=0 --group=0 -czf "$DIST/$NAME.tar.gz" "$NAME"
ls -l "$DIST"
