#!/usr/bin/env bash
# End-to-end under Xvfb: in the CNN mode a click on the Explain tab opens the step page (paused),
# → and ← walk its stages, a click on + picks the next training image, and a screenshot of the
# real window shows it. Run it inside xvfb-run -a -s "-screen 0 1280x800x24".
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
OUT=$(mktemp -d /tmp/playground-step-e2e.XXXXXX)
fail() { echo "cnn step e2e FAILED: $*"; echo "--- app log"; cat "$OUT/app.log" || true; exit 1; }

layout=$("$BIN" --layout-json --mode cnn)
"$BIN" --mode cnn >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
window_id
sleep 1
click cnn.page.step
# Four stages on (forward 1 → 2 → 3 → loss → backward3), one back (loss).
for _ in 1 2 3 4; do xdotool key --window "$WID" Right; sleep 0.2; done
xdotool key --window "$WID" Left
sleep 0.5
import -window root "$OUT/step.png" 2>/dev/null || fail "no screenshot"
kill -TERM $APP
wait $APP || fail "the app exited with an error"
trap - EXIT
final=$(grep '^{"event":"quit"' "$OUT/app.log" | tail -1)
[ -n "$final" ] || fail "no final state line"
python3 - "$final" "$OUT/step.png" <<'PY' || fail "final state is wrong"
import json, os, sys
state = json.loads(sys.argv[1])
print("cnn step e2e:", state.get("cnnStepStage"), "on image", state.get("cnnStepImage"), state["framesPerSecond"], "frames/s")
assert state.get("cnnStepStage") == "loss", state
assert state.get("cnnStepImage") == 1, state
assert state["cnnEpoch"] == 0, ("the page opens paused", state)
assert os.path.getsize(sys.argv[2]) > 10_000, "screenshot"
PY
echo "cnn step e2e passed: $OUT"
