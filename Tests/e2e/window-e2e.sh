#!/usr/bin/env bash
# End-to-end: drives the real window under Xvfb with xdotool, then checks the final state and the
# screenshot. Run it through `make e2e` (or `make test`), which starts Xvfb with xvfb-run.
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
OUT=$(mktemp -d /tmp/playground-e2e.XXXXXX)
BIN=$(realpath "$BIN")
cd "$OUT"  # the app's working folder: SIGTERM writes unsaved work here, not into the checkout
export NEURALPLAYGROUND_SCREENSHOT_DIR=$OUT
fail() { echo "e2e FAILED: $*"; echo "--- app log"; cat "$OUT/app.log" || true; exit 1; }

layout=$("$BIN" --layout-json)

"$BIN" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
window_id
sleep 1

click dataset.xor
click addLayer
xdotool key --window "$WID" space
sleep 2.5
xdotool key --window "$WID" F12
for _ in $(seq 50); do grep -q '^screenshot ' "$OUT/app.log" && break; sleep 0.2; done
shot=$(sed -n 's/^screenshot //p' "$OUT/app.log" | head -1)
[ -n "$shot" ] && [ -f "$shot" ] || fail "F12 wrote no screenshot"
import -window root "$OUT/root.png"
# F9 records the window into a GIF beside the session (here: the screenshot folder); F9 stops.
xdotool key --window "$WID" F9
sleep 1.5
xdotool key --window "$WID" F9
for _ in $(seq 50); do grep -q '^recorded ' "$OUT/app.log" && break; sleep 0.2; done
clip=$(sed -n 's/^recorded //p' "$OUT/app.log" | head -1)
[ -n "$clip" ] && [ -f "$clip" ] || fail "F9 wrote no recording"
frames=$(identify -format '%W %H\n' "$clip" | sort | uniq -c)
echo "e2e: F9 recorded $clip: $frames"
[ "$(identify -format '%W %H\n' "$clip" | sort -u)" = "1280 800" ] || fail "the recording's frames are not 1280x800: $frames"
[ "$(identify -format '%W\n' "$clip" | wc -l)" -ge 8 ] || fail "the recording has under 8 frames in 1.5 s: $frames"

kill -TERM $APP
wait $APP || fail "the app exited with an error"
trap - EXIT
final=$(grep '^{"event":"quit"' "$OUT/app.log" | tail -1)
first=$(sed -n 's/^first frame after \([0-9]*\) ms$/\1/p' "$OUT/app.log")
[ -n "$first" ] || fail "no first-frame time"
echo "e2e: first frame after $first ms"
[ "$first" -lt 2000 ] || fail "the first frame took $first ms"
[ -n "$final" ] || fail "no final state line"
python3 - "$final" "$shot" <<'PY' || fail "final state or screenshot is wrong"
import json, subprocess, sys
state = json.loads(sys.argv[1])
assert state["dataset"] == "xor", state
assert len(state["hiddenLayers"]) == 3, state
assert state["epoch"] > 0, state
size = subprocess.run(["identify", "-format", "%w %h", sys.argv[2]], capture_output=True, text=True).stdout
assert size.split() == ["1280", "800"], size
# The screenshot is a real frame: many distinct colors (heatmap, tiles, text), not a blank window.
colors = int(subprocess.run(["identify", "-format", "%k", sys.argv[2]], capture_output=True, text=True).stdout)
assert colors > 500, colors
print("e2e: final state", state, "| screenshot", size, colors, "colors")
PY
echo "e2e passed: $OUT"
