#!/usr/bin/env bash
# End-to-end, keyboard only: follows the first steps of a lesson in the real window under Xvfb with
# xdotool key presses and no mouse: Space plays (a global shortcut, nothing focused), Shift+Tab
# puts the focus ring on Next (the last control), Enter presses it; Esc drops the focus, three
# Shift+Tabs reach "Show me", Enter does the step. Run it through `make e2e` (xvfb-run).
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
BIN=$(realpath "$BIN")
LESSON=$(realpath Lessons/03-feature-crosses.yaml)
OUT=$(mktemp -d /tmp/playground-keyboard-e2e.XXXXXX)
cd "$OUT"  # the app's working folder: SIGTERM writes unsaved work here, not into the checkout
export NEURALPLAYGROUND_SCREENSHOT_DIR=$OUT
fail() { echo "keyboard e2e FAILED: $*"; echo "--- app log"; cat "$OUT/app.log" || true; exit 1; }
key() { xdotool key --window "$WID" "$@"; sleep 0.4; }

"$BIN" --lesson "$LESSON" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
window_id
sleep 1

# Step 1 (train 200 epochs): Space plays; the lesson stops at 200 (60 epochs/s: about 3.4 s).
key space
sleep 6
# Next: the ring from nothing with Shift+Tab lands on the last control, Enter presses it.
key shift+Tab
key Return
# Step 2 is a question: Next again (the focus stays on Next).
key Return
# Step 3 (add the features X1² and X2²): Esc drops the ring, Show me is third from the end.
key Escape
key shift+Tab shift+Tab shift+Tab
key Return
# F12's banner floats over everything with its own × (the last control now): Esc closes it and
# drops the ring; Show me is done (disabled), so Shift+Tab comes back to Next.
key F12
key Escape
key shift+Tab
key Return

kill -TERM $APP
wait $APP || fail "the app exited with an error"
trap - EXIT
final=$(grep '^{"event":"quit"' "$OUT/app.log" | tail -1)
[ -n "$final" ] || fail "no final state line"
python3 - "$final" <<'PY' || fail "final state is wrong: $final"
import json, sys
state = json.loads(sys.argv[1])
assert state["lesson"] == "feature-crosses", state
assert state["lessonStep"] == 4, state
assert "features=x1,x2,x1sq,x2sq" in state["config"], state
print("keyboard e2e: final state", {k: state[k] for k in ("lesson", "lessonStep", "config")})
PY
shot=$(sed -n 's/^screenshot //p' "$OUT/app.log" | head -1)
[ -n "$shot" ] && [ -f "$shot" ] || fail "F12 wrote no screenshot"
echo "keyboard e2e passed: $OUT (screenshot of the focus ring: $shot)"
