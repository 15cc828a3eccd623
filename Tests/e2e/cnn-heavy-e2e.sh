#!/usr/bin/env bash
# End-to-end under Xvfb: the heavy CNN (12 classes, conv layers 8,16,16,16) trains in the real
# window while "+" of layer 1 is clicked 8 times; every click must land (8 → 16 filters) and the
# window must keep at least 30 frames/s. Run it inside xvfb-run -a -s "-screen 0 1280x800x24".
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
OUT=$(mktemp -d /tmp/playground-cnn-e2e.XXXXXX)
fail() { echo "cnn e2e FAILED: $*"; echo "--- app log"; cat "$OUT/app.log" || true; exit 1; }

"$BIN" train --dataset shapes --shapes circle,square,triangle,cross,star,hline,vline,ring,hollow-square,hollow-triangle,diamond,x \
  --conv-layers 8,16,16,16 --epochs 0 --save "$OUT/heavy.json" >/dev/null
layout=$("$BIN" --layout-json --load "$OUT/heavy.json")
read -r x y < <(python3 -c 'import json,sys; print(*json.loads(sys.argv[1])["cnn.layer0.addFilter"])' "$layout")

# run CLICKS: trains the heavy net for 3 s, clicks "+" CLICKS times, trains 3 s more, quits;
# prints the final state line.
run() {
  # At full speed: the frame rate is measured while training as hard as the machine allows.
  "$BIN" --load "$OUT/heavy.json" --mode cnn --speed max >"$OUT/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  window_id
  sleep 1
  xdotool mousemove --window "$WID" 5 5
  xdotool key --window "$WID" space
  sleep 3
  # Quick clicks, as a teacher clicks: 60 ms down, 250 ms apart.
  for _ in $(seq "$1"); do
    xdotool mousemove --window "$WID" "$x" "$y"; sleep 0.05
    xdotool mousedown 1; sleep 0.06; xdotool mouseup 1; sleep 0.25
  done
  sleep 3
  kill -TERM $APP
  wait $APP || fail "the app exited with an error"
  trap - EXIT
  grep '^{"event":"quit"' "$OUT/app.log" | tail -1
}

# Training alone: the frame rate (each "+" rebuilds the session on the main thread, a stall of
# its own, so the clicks get their own run).
steady=$(run 0)
[ -n "$steady" ] || fail "no final state line"
clicked=$(run 8)
[ -n "$clicked" ] || fail "no final state line"
python3 - "$steady" "$clicked" <<'PY' || fail "final state is wrong"
import json, sys
steady, clicked = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("cnn e2e: training alone", steady["framesPerSecond"], "frames/s, epoch", steady["cnnEpoch"])
print("cnn e2e: after 8 clicks on +", clicked["cnnConvLayers"], clicked["framesPerSecond"], "frames/s")
assert steady["cnnEpoch"] > 0, steady
assert steady["framesPerSecond"] >= 30, ("frames/s", steady["framesPerSecond"])
assert clicked["cnnConvLayers"] == [16, 16, 16, 16], ("lost clicks", clicked["cnnConvLayers"])
PY
echo "cnn e2e passed: $OUT"
