#!/usr/bin/env bash
# The path real desktops take: SDL's OpenGL renderer (Mesa's software OpenGL under Xvfb) against
# the software renderer. Every page drawn with OpenGL matches the software frame within a small
# tolerance; in the window, F12 reads back exactly what the screen shows, after a resize and at
# zoom 1.5 too; a short soak keeps memory flat (textures released). Run under xvfb-run.
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d /tmp/playground-gl.XXXXXX)
export NEURALPLAYGROUND_SCREENSHOT_DIR=$OUT
# Mesa's CPU rasterizer even where a GPU exists, so every machine compares the same pixels.
export LIBGL_ALWAYS_SOFTWARE=1
fail() { echo "renderer e2e FAILED: $*"; [ -f "$OUT/app.log" ] && { echo "--- app log"; cat "$OUT/app.log"; }; exit 1; }
# Where OpenGL and software may differ: edges of triangles and lines a pixel apart (a mean of at
# most MAX_MEAN levels, at most MAX_SHARE of the pixels wrong, at most MAX_BLOCK of any 16×16
# block wrong; see frame-diff.py).
MAX_MEAN=${MAX_MEAN:-2.0}
MAX_SHARE=${MAX_SHARE:-0.005}
MAX_BLOCK=${MAX_BLOCK:-0.25}

# 1. One frame of each page with each renderer.
pages=(
  "2d|--dataset spiral --features x1,x2,x1sq,x2sq --hidden-layers 6,4 --epochs 40"
  "help|--page help"
  "three-classes|--dataset blobs3 --epochs 20"
  "regression|--dataset reg-gauss --epochs 20"
  "cnn|--mode cnn"
  "class-pictures|--mode cnn --page class-pictures"
  "layers|--mode cnn --page layers --size 800x600"
  "draw|--mode cnn --page draw --size 800x600"
  "lesson|--lesson learning-rate"
  "zoom|--zoom 1.5 --size 1200x750 --epochs 20"
)
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  read -ra args <<<"${entry#*|}"
  "$BIN" --screenshot "$OUT/$name-software.png" --renderer software "${args[@]}" || fail "$name: software screenshot"
  "$BIN" --screenshot "$OUT/$name-opengl.png" --renderer opengl "${args[@]}" || fail "$name: OpenGL screenshot"
  echo -n "renderer: page $name, OpenGL against software: "
  python3 "$HERE/frame-diff.py" "$OUT/$name-opengl.png" "$OUT/$name-software.png" "$MAX_MEAN" "$MAX_SHARE" "$MAX_BLOCK" ||
    fail "page $name differs (see $OUT)"
done

# 2. The window with OpenGL: F12 reads back what the screen shows, before and after a resize,
# and at zoom 1.5; each frame also matches the software screenshot of the same size.
shots=0
check_frame() {  # check_frame NAME WIDTH HEIGHT [window flags for the software screenshot]
  local name=$1 w=$2 h=$3
  sleep 1
  import -window "$WID" "$OUT/$name-screen.png"
  xdotool key --window "$WID" F12
  shots=$((shots + 1))
  for _ in $(seq 50); do [ "$(grep -c '^screenshot ' "$OUT/app.log")" -ge "$shots" ] && break; sleep 0.2; done
  local shot
  shot=$(sed -n 's/^screenshot //p' "$OUT/app.log" | sed -n "${shots}p")
  [ -f "$shot" ] || fail "$name: F12 wrote no screenshot"
  echo -n "renderer: window $name ${w}x$h, F12 against the screen: "
  python3 "$HERE/frame-diff.py" "$shot" "$OUT/$name-screen.png" 0.05 0 0 || fail "$name: F12 is not what the screen shows"
  "$BIN" --screenshot "$OUT/$name-software.png" --size "${w}x$h" "${@:4}"
  echo -n "renderer: window $name ${w}x$h, F12 against software: "
  python3 "$HERE/frame-diff.py" "$shot" "$OUT/$name-software.png" "$MAX_MEAN" "$MAX_SHARE" "$MAX_BLOCK" || fail "$name: F12 differs"
  xdotool key --window "$WID" Escape  # closes the "Screenshot saved" banner
}
open_window() {
  "$BIN" --renderer opengl "$@" >"$OUT/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  window_id
  xdotool mousemove 1279 799  # outside the window: nothing hovered, as in --screenshot
  shots=0
}
close_window() {
  kill -TERM "$APP"
  wait "$APP" || fail "the app exited with an error"
  trap - EXIT
  grep -q '"renderer":"opengl"' "$OUT/app.log" || fail "the window did not use OpenGL: $(grep '"event":"quit"' "$OUT/app.log")"
}
open_window --size 1000x700
check_frame window-start 1000 700
xdotool windowsize "$WID" 1100 650
check_frame window-resized 1100 650
close_window
open_window --size 1200x750 --zoom 1.5
check_frame window-zoom 1200 750 --zoom 1.5
close_window

# Auto honours SDL_RENDER_DRIVER; --software overrides it.
for case in "opengl|" "software|--software"; do
  SDL_RENDER_DRIVER=opengl "$BIN" ${case#*|} >"$OUT/app.log" 2>&1 &
  APP=$!
  timeout 20 xdotool search --sync --name '^NeuralPlayground$' >/dev/null || fail "no window appeared"
  sleep 0.5
  kill -TERM $APP; wait $APP || fail "the app exited with an error"
  grep -q "\"renderer\":\"${case%%|*}\"" "$OUT/app.log" ||
    fail "SDL_RENDER_DRIVER=opengl ${case#*|} did not open ${case%%|*}"
done
echo "renderer: SDL_RENDER_DRIVER=opengl opens OpenGL; --software still opens software"

# 3. Textures are released: resident memory stays flat while OpenGL draws a training C2.
out=$(PLAYGROUND_BIN=$BIN SOAK_SECONDS=${GL_SOAK_SECONDS:-20} SOAK_APP_ARGS="--renderer opengl" \
  SOAK_PEAK_MB=${GL_SOAK_PEAK_MB:-250} "$HERE/soak.sh") || { echo "$out"; fail "OpenGL soak"; }
grep -q '"renderer":"opengl"' <<<"$out" || fail "the soak did not use OpenGL"
fps=$(echo "$out" | grep '"event":"quit"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["framesPerSecond"])')
echo "$out" | grep '^soak:'
echo "renderer e2e passed: OpenGL soak at $fps frames/s; frames in $OUT"
