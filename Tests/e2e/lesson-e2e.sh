#!/usr/bin/env bash
# End-to-end: opens a 2-D lesson and a CNN lesson in the real window under Xvfb (guided mode), clicks
# "Show me" and then "Next" with xdotool, and checks from the final state line that the step advanced
# and that Show me trained the step's epochs. Run it through `make e2e`, which starts Xvfb with xvfb-run.
set -euo pipefail
. "$(dirname "$0")/xdo-helpers.sh"
CLICK_SETTLE=0.5
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
LESSON=${LESSON:-Lessons/03-feature-crosses.yaml}
OUT=$(mktemp -d /tmp/playground-lesson-e2e.XXXXXX)
BIN=$(realpath "$BIN")
LESSON=$(realpath "$LESSON")
CNN_LESSON=$(realpath Lessons/17-cnn-filters-and-feature-maps.yaml)
cd "$OUT"  # the app's working folder: SIGTERM writes unsaved work here, not into the checkout
export NEURALPLAYGROUND_SCREENSHOT_DIR=$OUT
fail() { echo "lesson e2e FAILED: $*"; echo "--- app log"; cat "$OUT/app.log" || true; exit 1; }

# A bad lesson file is refused with its FILE:LINE:COLUMN message and exit code 2.
printf 'format: 1\nid: broken\ntitle: "Broken"\nsteps:\n  - say: "hi"\n    trian: 10\n' >"$OUT/broken.yaml"
set +e
"$BIN" --lesson "$OUT/broken.yaml" >"$OUT/broken.log" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || fail "a bad lesson exited with $code, not 2"
grep -q "broken.yaml:6:5:" "$OUT/broken.log" || fail "no FILE:LINE:COLUMN message: $(cat "$OUT/broken.log")"

# run_lesson FILE FIRST_STEP ID EXPECTED_STEP EPOCH_KEY EXPECTED_EPOCHS: opens FILE at FIRST_STEP, clicks
# Show me and Next, presses F12, closes the window, and checks the final state line.
run_lesson() {
  local lesson=$1 first=$2 id=$3 step=$4 key=$5 epochs=$6
  layout=$("$BIN" --lesson "$lesson" --lesson-step "$first" --layout-json)
  : >"$OUT/app.log"
  "$BIN" --lesson "$lesson" --lesson-step "$first" >"$OUT/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  window_id
  sleep 1

  click lesson.showMe
  click lesson.next
  xdotool key --window "$WID" F12
  for _ in $(seq 50); do grep -q '^screenshot ' "$OUT/app.log" && break; sleep 0.2; done
  shot=$(sed -n 's/^screenshot //p' "$OUT/app.log" | head -1)
  [ -n "$shot" ] && [ -f "$shot" ] || fail "F12 wrote no screenshot ($lesson)"

  kill -TERM $APP
  wait $APP || fail "the app exited with an error ($lesson)"
  trap - EXIT
  final=$(grep '^{"event":"quit"' "$OUT/app.log" | tail -1)
  [ -n "$final" ] || fail "no final state line ($lesson)"
  # Show me finished the step (training exactly its epochs), Next moved on.
  python3 - "$final" "$id" "$step" "$key" "$epochs" <<'PY' || fail "final state is wrong: $final"
import json, sys
state = json.loads(sys.argv[1])
assert state["lesson"] == sys.argv[2], state
assert state["lessonStep"] == int(sys.argv[3]), state
assert state[sys.argv[4]] == int(sys.argv[5]), state
print("lesson e2e: final state", {k: state[k] for k in ("lesson", "lessonStep", "mode", sys.argv[4])})
PY
}

run_lesson "$LESSON" 1 feature-crosses 2 epoch 200
# A CNN lesson opens in the CNN mode; its train step (5 epochs) is step 3.
run_lesson "$CNN_LESSON" 3 cnn-filters-and-feature-maps 4 cnnEpoch 5
echo "lesson e2e passed: $OUT"
