#!/usr/bin/env bash
# End-to-end for the time machine, under Xvfb with xdotool: train, drag the timeline back, continue
# from there (the later history set aside), open Compare, change B's learning rate, train both,
# and check that both runs moved. Run it through `make e2e` (or `make test`).
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
CLICK_SETTLE=0.5
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
OUT=$(mktemp -d /tmp/playground-timeline.XXXXXX)
BIN=$(realpath "$BIN")
cd "$OUT"
export NEURALPLAYGROUND_SCREENSHOT_DIR=$OUT
fail() { echo "timeline e2e FAILED: $*"; echo "--- app log"; cut -c1-400 "$OUT/app.log" || true; exit 1; }

FLAGS=(--dataset spiral --speed 120)
layout=$("$BIN" "${FLAGS[@]}" --layout-json)

"$BIN" "${FLAGS[@]}" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
window_id
sleep 1

# Train about two seconds, then pause.
xdotool key --window "$WID" space
sleep 2.5
xdotool key --window "$WID" space
sleep 0.5

# Press the timeline's track at the middle of the window: it jumps to that epoch; drag a little.
read -r mx my < <(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["size"][0]//2, d["timeline"][1])' "$layout")
xdotool mousemove --window "$WID" "$mx" "$my"; sleep 0.2
xdotool mousedown 1; sleep 0.2
xdotool mousemove --window "$WID" $((mx - 40)) "$my"; sleep 0.3
xdotool mouseup 1; sleep 0.5
# One epoch back with [, then → continues from that moment (the later history is set aside).
xdotool key --window "$WID" bracketleft; sleep 0.3
xdotool key --window "$WID" Right; sleep 0.5

# Open Compare (the timeline's rightmost button) and give B a larger learning rate.
read -r rx ry < <(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["size"][0]-60, d["timeline"][1])' "$layout")
click_at "$rx" "$ry"
click compare.rate
click compare.rate.option.0.3
# Both train in lockstep.
xdotool key --window "$WID" space
sleep 1.5
xdotool key --window "$WID" space
sleep 0.3
xdotool key --window "$WID" F12
for _ in $(seq 50); do grep -q '^screenshot ' "$OUT/app.log" && break; sleep 0.2; done

kill -TERM $APP
wait $APP || fail "the app exited with an error"
trap - EXIT
final=$(grep '^{"event":"quit"' "$OUT/app.log" | tail -1)
[ -n "$final" ] || fail "no final state line"
python3 - "$final" <<'PY' || fail "the final state is wrong: $final"
import json, sys
s = json.loads(sys.argv[1])
assert s["canUndo"] is True, "continuing from an earlier moment sets the later history aside"
assert "compareEpoch" in s, "Compare is open"
assert s["compareLearningRate"] == 0.3, s
assert s["compareEpoch"] == s["epoch"], "A and B train in lockstep"
assert s["compareTestLoss"] != s["testLoss"], "B's learning rate made it another run"
print("timeline e2e: final state", {k: s[k] for k in ["epoch", "timelineEnd", "canUndo", "compareEpoch", "compareLearningRate", "testLoss", "compareTestLoss"]})
PY
echo "timeline e2e passed: $OUT"
