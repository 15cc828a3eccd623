#!/usr/bin/env bash
# Saves under failure: SIGKILL a real `playground train --load S --epochs 1 --save S` of a large
# session (custom points from a big CSV) at random moments, over and over, and check after every
# kill that S is intact — byte for byte the old file, or (when the kill came after the rename) the
# complete new one — and loads (`train --load S --epochs 0 --json`). Temporary files a kill leaves
# behind must not break a later save or load.
#
#   PLAYGROUND_BIN=… Tests/e2e/save-kill.sh
#
# SAVEKILL_ITERATIONS  kills (default 16, as in `make test`; `make savekill` runs 200)
# SAVEKILL_POINTS      points in the CSV (default 100000: a 6 MB session)
# SAVEKILL_SEED        the seed of the kill moments (default: a new one, printed)
# SAVEKILL_KEEP=1      keep the temporary folder
#
# Half the kills wait for the save's temporary file to appear and then strike within the measured
# write window (write + fsync + rename), so they land mid-write; the other half strike at a
# uniformly random moment of the whole run (loading, training, encoding, writing). No display is
# needed.
set -euo pipefail
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
export SAVEKILL_ITERATIONS=${SAVEKILL_ITERATIONS:-16}
export SAVEKILL_POINTS=${SAVEKILL_POINTS:-100000}
export SAVEKILL_SEED=${SAVEKILL_SEED:-$(( ($(date +%s%N) / 1000) % 1000000007 ))}
OUT=$(mktemp -d /tmp/playground-savekill.XXXXXX)
exec python3 - "$BIN" "$OUT" <<'PY'
import hashlib, json, os, random, shutil, signal, subprocess, sys, time

BIN, OUT = sys.argv[1], sys.argv[2]
ITERATIONS = int(os.environ["SAVEKILL_ITERATIONS"])
POINTS = int(os.environ["SAVEKILL_POINTS"])
SEED = int(os.environ["SAVEKILL_SEED"])
rng = random.Random(SEED)
SESSION = os.path.join(OUT, "session.json")
env = dict(os.environ, SDL_VIDEODRIVER="dummy")
env.pop("DISPLAY", None)
started = time.time()
print(f"save-kill: seed {SEED}, {ITERATIONS} kills, {POINTS} points, folder {OUT}", flush=True)

def fail(why):
    print(f"save-kill FAILED: {why}")
    print(f"  replay: SAVEKILL_SEED={SEED} SAVEKILL_ITERATIONS={ITERATIONS} SAVEKILL_POINTS={POINTS} "
          f"PLAYGROUND_BIN=… Tests/e2e/save-kill.sh")
    print(f"--- kept {OUT}")
    sys.exit(1)

def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

def temporaries():
    return sorted(n for n in os.listdir(OUT) if n.startswith(".session.json.") and n.endswith(".tmp"))

def load_epoch(what):
    """`train --load SESSION --epochs 0 --json` must succeed; returns the session's epoch."""
    r = subprocess.run([BIN, "train", "--load", SESSION, "--epochs", "0", "--json"], cwd=OUT, env=env,
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        fail(f"{what}: the session does not load (exit {r.returncode}): {r.stderr[:400]}")
    return json.loads(r.stdout.strip().splitlines()[-1])["epoch"]

# ---- a large session to save over ---------------------------------------------------------------
csv = os.path.join(OUT, "points.csv")
with open(csv, "w") as f:
    f.write("x,y,label\n")
    r = random.Random(SEED)
    for _ in range(POINTS):
        x, y = r.uniform(-6, 6), r.uniform(-6, 6)
        f.write(f"{x:.4f},{y:.4f},{1 if x * y > 0 else 0}\n")
subprocess.run([BIN, "train", "--csv", csv, "--epochs", "0", "--save", SESSION, "--json"], cwd=OUT, env=env,
               check=True, capture_output=True, timeout=300)
size = os.path.getsize(SESSION)
SAVE = [BIN, "train", "--load", SESSION, "--epochs", "1", "--save", SESSION, "--json"]

# ---- calibration: how long a whole run takes, and how long its temporary file lives --------------
def run_watching(kill_at=None, kill_after_temp=None):
    """Runs SAVE; kills it `kill_at` s after the start, or `kill_after_temp` s after its temporary
    file appears. Returns (exit code, run seconds, temp-file lifetime or None, temp existed at kill)."""
    before = set(temporaries())
    t0 = time.time()
    p = subprocess.Popen(SAVE, cwd=OUT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    temp_seen = temp_gone = None
    deadline = None if kill_at is None else t0 + kill_at
    existed_at_kill = False
    while p.poll() is None:
        now = time.time()
        fresh = set(temporaries()) - before
        if fresh and temp_seen is None:
            temp_seen = now
            if kill_after_temp is not None:
                deadline = now + kill_after_temp
        if temp_seen is not None and not fresh and temp_gone is None:
            temp_gone = now
        if deadline is not None and now >= deadline:
            existed_at_kill = bool(set(temporaries()) - before)
            p.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0005)
    code = p.wait(timeout=60)
    if temp_seen is not None and temp_gone is None and code == 0:
        temp_gone = time.time()
    lifetime = None if temp_seen is None or temp_gone is None else temp_gone - temp_seen
    if code not in (0, -signal.SIGKILL):
        fail(f"the save exited with code {code}: {p.stderr.read().decode(errors='replace')[:400]}")
    return code, time.time() - t0, lifetime, existed_at_kill

runs, windows = [], []
for _ in range(2):
    code, seconds, lifetime, _ = run_watching()
    if code != 0:
        fail(f"a save without a kill failed (exit {code})")
    runs.append(seconds)
    if lifetime is not None:
        windows.append(lifetime)
RUN = max(runs)
WINDOW = max(windows) if windows else 0.05
epoch = load_epoch("after the calibration saves")
print(f"save-kill: {size / 1e6:.1f} MB session; a save run takes {RUN:.2f} s, its temporary file lives "
      f"{WINDOW * 1000:.0f} ms", flush=True)

# ---- the kills ----------------------------------------------------------------------------------
counts = {"mid-write": 0, "before the write": 0, "after the rename": 0, "finished first": 0}
for i in range(ITERATIONS):
    old_digest = digest(SESSION)
    old_epoch = epoch
    if i % 2 == 0:
        code, _, _, mid = run_watching(kill_after_temp=rng.uniform(0, WINDOW))
    else:
        code, _, _, mid = run_watching(kill_at=rng.uniform(0, RUN))
    new_digest = digest(SESSION)
    epoch = load_epoch(f"kill #{i}")
    if code == 0:
        kind = "finished first"
        if epoch != old_epoch + 1:
            fail(f"kill #{i}: the save finished, but the session is at epoch {epoch}, not {old_epoch + 1}")
    elif new_digest == old_digest:
        kind = "mid-write" if mid else "before the write"
        if epoch != old_epoch:
            fail(f"kill #{i}: same bytes but epoch {epoch}?")
    else:
        # Changed bytes after a kill: only a complete new session (the rename happened) is allowed.
        kind = "after the rename"
        if epoch != old_epoch + 1:
            fail(f"kill #{i}: the file changed but is at epoch {epoch} (old {old_epoch}): a torn save")
    counts[kind] += 1

# ---- what the kills left: temporary files must not break the next save or load -------------------
left = temporaries()
torn = sum(1 for n in left if os.path.getsize(os.path.join(OUT, n)) < size)  # cut off mid-write
code, _, _, _ = run_watching()
if code != 0:
    fail(f"a save next to {len(left)} leftover temporary files failed")
epoch = load_epoch("after the final save")
remaining = temporaries()
if remaining:
    fail(f"the final save left {len(remaining)} temporary files of killed saves: {remaining[:3]}")
window = subprocess.run([BIN, "--load", SESSION, "--layout-json"], cwd=OUT, env=env, capture_output=True,
                        text=True, timeout=120)
if window.returncode != 0:
    fail(f"the window cannot open the session: {window.stderr[:400]}")
for name in left:  # none is a session file a learner might pick: hidden names, ending .tmp
    if not name.startswith("."):
        fail(f"a leftover temporary file is not hidden: {name}")
print(f"save-kill passed: {ITERATIONS} SIGKILLs of a {size / 1e6:.1f} MB save (seed {SEED}) in "
      f"{time.time() - started:.0f} s: {counts['mid-write']} mid-write, {counts['before the write']} before "
      f"the write, {counts['after the rename']} after the rename, {counts['finished first']} finished first; "
      f"the old file was intact and loaded every time; {len(left)} hidden temporary files left by the "
      f"kills ({torn} of them cut off mid-write) broke no later save or load, and the next save removed "
      f"them (final epoch {epoch})")
if os.environ.get("SAVEKILL_KEEP") == "1":
    print(f"save-kill: kept {OUT}")
else:
    shutil.rmtree(OUT, ignore_errors=True)
PY
