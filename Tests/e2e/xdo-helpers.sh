# Shared by the window end-to-end scripts (sourced, not run): wait for the app's window, find a
# control by the positions `playground --layout-json` printed into $layout, and click it with
# xdotool as a person does. The sourcing script defines fail().

# window_id: sets WID to the app's window once it appears (at most 20 s), else fails.
window_id() { WID=$(timeout 20 xdotool search --sync --name '^NeuralPlayground$' | head -1) || fail "no window appeared"; }

# point NAME: the window-pixel centre of control NAME in $layout.
point() { python3 -c 'import json,sys; print(*json.loads(sys.argv[1])[sys.argv[2]])' "$layout" "$1"; }

# click_at X Y: press and release in separate frames, as a person does, then give the app
# CLICK_SETTLE seconds (0.4 unless the script sets it) to react.
click_at() {
  xdotool mousemove --window "$WID" "$1" "$2"; sleep 0.15
  xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep "${CLICK_SETTLE:-0.4}"
}

# click NAME: click_at the centre of control NAME.
click() { read -r x y < <(point "$1"); click_at "$x" "$y"; }
