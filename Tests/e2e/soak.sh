#!/usr/bin/env bash
# Soak: trains C2 at full speed in the real window (under Xvfb) and samples resident memory.
# SOAK_SECONDS sets the length (default 600); the run fails if memory passes 150 MB or keeps
# growing (last sample more than 10 MB above the one at a tenth of the run). SOAK_APP_ARGS adds
# window flags (e.g. --renderer opengl); SOAK_PEAK_MB moves the memory ceiling.
set -euo pipefail
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
SECONDS_TOTAL=${SOAK_SECONDS:-600}
OUT=$(mktemp -d /tmp/playground-soak.XXXXXX)
BIN=$(realpath "$BIN")
cd "$OUT"  # the app's working folder: SIGTERM writes unsaved work here, not into the checkout
"$BIN" --dataset spiral --features x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2 --hidden-layers 8,8,8,8,8,8 \
  ${SOAK_APP_ARGS:-} >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
WID=$(timeout 20 xdotool search --sync --name '^NeuralPlayground$' | head -1)
sleep 1
xdotool key --window "$WID" space
step=$(( SECONDS_TOTAL / 20 > 0 ? SECONDS_TOTAL / 20 : 1 ))
echo "seconds rss_mb" > "$OUT/memory.txt"
for ((t = 0; t <= SECONDS_TOTAL; t += step)); do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status")
  echo "$t $((rss / 1024))" | tee -a "$OUT/memory.txt"
  [ "$t" -lt "$SECONDS_TOTAL" ] && sleep "$step"
done
kill -TERM $APP; wait $APP || true
trap - EXIT
grep '^{"event":"quit"' "$OUT/app.log" | tail -1
python3 - "$OUT/memory.txt" "${SOAK_PEAK_MB:-150}" <<'PY'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]).read().split("\n")[1:] if l.strip()]
peak = max(r[1] for r in rows)
early = rows[max(1, len(rows) // 10)][1]
last = rows[-1][1]
print(f"soak: {rows[-1][0]} s, peak {peak} MB, after warm-up {early} MB, last {last} MB")
assert peak < int(sys.argv[2]), f"resident memory reached {peak} MB"
assert last - early <= 10, f"memory grew from {early} MB to {last} MB"
PY
