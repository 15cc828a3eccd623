#!/usr/bin/env bash
# Monkey test: thousands of random clicks, drags, key presses, typed text and window resizes on the
# real window under Xvfb. The app must neither crash nor hang, must answer F12 with a screenshot
# every MONKEY_CHECK_EVERY events and at the end (within 10 s; an answer within 60 s passes with a
# warning, the app's CPU state and its threads' stacks (gdb), since a busy 2-core machine can starve
# it; none within 60 s fails as a hang), and must quit cleanly (exit 0, final JSON line)
# on SIGTERM.
#
#   PLAYGROUND_BIN=… MONKEY_EVENTS=400 xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/monkey.sh
#
# MONKEY_EVENTS   events to send (default 10000; `make test` runs 400)
# MONKEY_SEED     the seed of the event sequence (default: a new one, printed); a failure prints the
#                 seed and the event index so `MONKEY_SEED=S MONKEY_EVENTS=N` replays the same events
#                 (the app's timing is not replayed: training runs in real time)
# MONKEY_CHECK_EVERY  events between liveness checks (default 500)
# MONKEY_SAVE_CHECK=0  skip the save round trip in each check (default on: Ctrl+S must save the
#                 session and Ctrl+O must reopen it, so no state the monkey reaches loses work)
# MONKEY_APP_ARGS extra flags for the app, e.g. "--dataset spiral --hidden-layers 8,8,8", "--mode cnn"
#                 or "--lesson Lessons/06-learning-rate.yaml" (a relative --lesson or --load path is
#                 made absolute), so each mode gets its own run. Every run clicks both modes' controls
#                 and the 2-D | CNN switch; a `--mode cnn` run mostly stays in (and switches back to)
#                 the CNN mode: canvas strokes, class toggles, filter steppers, the class-pictures
#                 page and its CAM menus. The others mostly stay in 2-D.
# MONKEY_KEEP=1   keep the temporary folder (app log, screenshots, saved sessions) after a pass
#
# The app runs in a temporary folder, so Ctrl+S sessions and F12 screenshots land there. Events
# are generated in Python from random.Random(seed) and sent in batches through one xdotool process
# per batch. Ctrl+Q (quit) and window closing are never sent.
set -euo pipefail
BIN=${PLAYGROUND_BIN:?set PLAYGROUND_BIN to the playground binary}
export MONKEY_EVENTS=${MONKEY_EVENTS:-10000}
export MONKEY_SEED=${MONKEY_SEED:-$(( ($(date +%s%N) / 1000) % 1000000007 ))}
export MONKEY_CHECK_EVERY=${MONKEY_CHECK_EVERY:-500}
OUT=$(mktemp -d /tmp/playground-monkey.XXXXXX)
exec python3 - "$BIN" "$OUT" <<'PY'
import atexit, json, os, random, shlex, shutil, signal, subprocess, sys, time

BIN, OUT = sys.argv[1], sys.argv[2]
SEED = int(os.environ["MONKEY_SEED"])
TOTAL = int(os.environ["MONKEY_EVENTS"])
CHECK_EVERY = max(1, int(os.environ["MONKEY_CHECK_EVERY"]))
SAVE_CHECK = os.environ.get("MONKEY_SAVE_CHECK", "1") != "0"
APP_ARGS = shlex.split(os.environ.get("MONKEY_APP_ARGS", ""))
for i in range(1, len(APP_ARGS)):  # the app runs in a temporary folder: absolute file paths
    if APP_ARGS[i - 1] in ("--lesson", "--load"):
        APP_ARGS[i] = os.path.abspath(APP_ARGS[i])
BATCH = 25
WORK = os.path.join(OUT, "cwd")      # the app's working folder: Ctrl+S writes here
SHOTS = os.path.join(OUT, "shots")   # F12 writes here
LOG = os.path.join(OUT, "app.log")
os.makedirs(WORK)
os.makedirs(SHOTS)
started = time.time()


# ---- the events: a pure function of the seed ---------------------------------------------------
layout = json.loads(subprocess.check_output([BIN, *APP_ARGS, "--layout-json"], cwd=WORK, timeout=60))
# --layout-json lists the 2-D (and lesson) controls, the CNN mode's (`cnn.`), the mode switch's two
# segments (`mode.`) and some areas (`area.`, [x0, y0, x1, y1]).
def is_point(v):
    return isinstance(v, list) and len(v) == 2 and all(isinstance(c, (int, float)) for c in v)
# Points are [x, y]; "size", "zoom" and the "controls"/"truncated"/"overlaps" reports are not.
points = {k: tuple(v) for k, v in layout.items() if is_point(v) and k != "size"}
areas = {k[len("area."):]: tuple(v) for k, v in layout.items() if k.startswith("area.")}
controls = [p for k, p in points.items() if not k.startswith(("cnn.", "mode."))]
cnn_controls = [p for k, p in points.items() if k.startswith("cnn.") and not k.startswith("cnn.cam.")]
cam_controls = [p for k, p in points.items() if k.startswith("cnn.cam.")]
CANVAS = areas["cnn.canvas"]
# A narrow window (a lesson beside the CNN) shows some CNN parts as pages: their areas are empty.
CNN_AREAS = [a for a in (areas[k] for k in ("cnn.network", "cnn.gallery", "cnn.probabilities", "cnn.results"))
             if a[2] > a[0] and a[3] > a[1]] or [(0, 0, 1280, 800)]
if not (CANVAS[2] > CANVAS[0] and CANVAS[3] > CANVAS[1]):
    CANVAS = (0, 0, 1280, 800)
# The mode the run starts in decides where the monkey mostly clicks: `--mode cnn` runs switch back
# to CNN three times as often as to 2-D (and spend most of their time there); the others the reverse.
MODE = "cnn" if "cnn" in [a.split("=")[-1] for a in APP_ARGS] else "lesson" if "--lesson" in " ".join(APP_ARGS) else "2-D"
# Other controls at 1280×800 that --layout-json does not list (approximate centres): the top bar's
# menus and help, the data sliders, the output's checkboxes, class buttons, warp menu, Copy config.
hot_spots = [(405, 49), (567, 49), (717, 49), (860, 49), (1040, 49), (1244, 39), (76, 465), (33, 523),
             (61, 581), (903, 627), (903, 663), (909, 706), (953, 706), (997, 706), (1170, 706), (1185, 117)]
sliders = [(33, 120, 465), (33, 120, 523), (33, 120, 581)]  # x from, x to, y
PLOT = (892, 240, 1255, 602)       # the output plot: x0, y0, x1, y1
NETWORK = (230, 90, 860, 780)      # features, tiles, links and biases
KEYS = (["space"] * 6 + ["Right"] * 6 + ["r"] * 3 + ["h"] * 2 + ["question"] * 2 + ["Escape"] * 4 +
        ["Tab", "shift+Tab", "Return", "KP_Enter", "BackSpace", "Delete", "Left", "Up", "Down", "Home",
         "End", "minus", "period", "comma", "slash", "F1", "F5", "F11"] +
        list("0123456789") + list("abcdefgijklmnopqstuvwxyz") +
        ["ctrl+s"] * 2 + ["ctrl+o"] * 2 + ["ctrl+c", "ctrl+v", "ctrl+z", "ctrl+a", "alt+x", "shift+r", "Super_L"])
TEXTS = ["0.5", "-1.2", "1e38", "-1e38", "3.4e39", "nan", "inf", "-inf", "-0", "0", "1,5", "99999999999",
         "abc", "0x1p3", "1e-45", " 2 ", "--1", "1..2", "é", "∞"]

def generate(seed, total):
    rng = random.Random(seed)
    size = [1280, 800]
    events = []   # (description, [xdotool words]); WID stands for the window id
    def point():  # anywhere in the window, and a little past its right and bottom edges
        return rng.randrange(0, size[0] + 5), rng.randrange(0, size[1] + 5)
    def jitter(p, r=4):
        return max(0, p[0] + rng.randint(-r, r)), max(0, p[1] + rng.randint(-r, r))
    def press(x, y, button=1, shift=False):
        words = ["mousemove", "--window", "WID", str(x), str(y)]
        if shift: words += ["keydown", "shift"]
        words += ["mousedown", str(button), "sleep", "0.02", "mouseup", str(button)]
        if shift: words += ["keyup", "shift"]
        return words
    common = ["click"] * 16 + ["drag"] * 10 + ["hover"] * 5 + ["wheel"] * 2 + ["key"] * 20 + ["type"] * 2 + \
             ["F12"] * 1 + ["resize"] * 1
    dense = ["control"] * 26 + ["plot"] * 9 + ["network"] * 8
    cnn = ["cnncontrol"] * 18 + ["canvas"] * 10 + ["cam"] * 8 + ["cnnarea"] * 7
    if MODE == "cnn":
        kinds = common + cnn * 3 + dense + ["mode"] * 5
        mode_weights = [1, 3]  # mode.dense, mode.cnn
    else:
        kinds = common + dense * 3 + cnn + ["mode"] * 5
        mode_weights = [3, 1]
    for i in range(total):
        if i and i % CHECK_EVERY == 0:
            size[:] = [1280, 800]  # each liveness check restores the standard size
        kind = rng.choice(kinds)
        if kind == "control":
            x, y = jitter(rng.choice(controls + hot_spots))
            events.append((f"click control at {x},{y}", press(x, y)))
        elif kind == "cnncontrol":
            x, y = jitter(rng.choice(cnn_controls))
            events.append((f"click CNN control at {x},{y}", press(x, y)))
        elif kind == "cnnarea":
            x0, y0, x1, y1 = rng.choice(CNN_AREAS)
            x, y = rng.randrange(x0, x1), rng.randrange(y0, y1)
            button = rng.choice([1, 1, 1, 3])
            events.append((f"click button {button} in a CNN panel at {x},{y}", press(x, y, button)))
        elif kind == "mode":
            name = rng.choices(["mode.dense", "mode.cnn"], mode_weights)[0]
            x, y = jitter(points[name], 3)
            events.append((f"click {name} at {x},{y}", press(x, y)))
        elif kind == "canvas":
            # A brush stroke on the drawing canvas (left paints, right erases), sometimes leaving it.
            x0, y0, x1, y1 = CANVAS
            x, y = rng.randrange(x0, x1), rng.randrange(y0, y1)
            button = 1 if rng.random() < 0.75 else 3
            words = ["mousemove", "--window", "WID", str(x), str(y), "mousedown", str(button)]
            steps = rng.randint(1, 12)
            for _ in range(steps):
                x = min(max(x + rng.randint(-40, 40), x0 - 20), x1 + 20)
                y = min(max(y + rng.randint(-40, 40), y0 - 20), y1 + 20)
                words += ["sleep", "0.01", "mousemove", "--window", "WID", str(x), str(y)]
            words += ["sleep", "0.01", "mouseup", str(button)]
            events.append((f"canvas stroke, button {button}, {steps} moves to {x},{y}", words))
        elif kind == "cam":
            # The class-pictures page, one of its controls, then a click below it (a menu entry).
            px, py = points["cnn.page.classPictures"]
            cx, cy = jitter(rng.choice(cam_controls), 3)
            ox, oy = cx + rng.randint(-30, 30), cy + rng.randint(18, 240)
            words = press(px, py) + ["sleep", "0.03"] + press(cx, cy) + ["sleep", "0.03"] + press(ox, oy)
            events.append((f"class pictures: control at {cx},{cy}, then {ox},{oy}", words))
        elif kind in ("click", "plot", "network"):
            if kind == "click":
                x, y = point()
            else:
                x0, y0, x1, y1 = PLOT if kind == "plot" else NETWORK
                x, y = rng.randrange(x0, x1), rng.randrange(y0, y1)
            how = rng.choices(["left", "right", "shift", "middle"], [60, 25, 12, 3])[0]
            button = {"left": 1, "right": 3, "shift": 1, "middle": 2}[how]
            events.append((f"{how} click at {x},{y}", press(x, y, button, how == "shift")))
        elif kind == "drag":
            if rng.random() < 0.4:
                x0, x1, y = rng.choice(sliders)
                start = (rng.randint(x0 - 3, x1 + 3), y + rng.randint(-3, 3))
            else:
                start = point()
            button = 1 if rng.random() < 0.85 else 3
            words = ["mousemove", "--window", "WID", str(start[0]), str(start[1]), "mousedown", str(button)]
            x, y = start
            steps = rng.randint(1, 8)
            for _ in range(steps):
                x, y = max(0, x + rng.randint(-250, 250)), max(0, y + rng.randint(-150, 150))
                words += ["sleep", "0.015", "mousemove", "--window", "WID", str(x), str(y)]
            words += ["sleep", "0.015", "mouseup", str(button)]
            events.append((f"drag button {button} from {start[0]},{start[1]} in {steps} moves to {x},{y}", words))
        elif kind == "hover":
            x, y = point()
            events.append((f"move to {x},{y}", ["mousemove", "--window", "WID", str(x), str(y)]))
        elif kind == "wheel":
            x, y = point()
            b = rng.choice([4, 5, 6, 7])
            events.append((f"wheel {b} at {x},{y}", ["mousemove", "--window", "WID", str(x), str(y), "click", str(b)]))
        elif kind == "key":
            k = rng.choice(KEYS)
            events.append((f"key {k}", ["key", "--window", "WID", k]))
        elif kind == "F12":
            events.append(("key F12", ["key", "--window", "WID", "F12"]))
        elif kind == "type":
            t = rng.choice(TEXTS)
            # `type` takes every later word as text, so it ends its xdotool command line.
            events.append((f"type {t!r}", ["type", "--window", "WID", "--delay", "8", "--", t]))
            continue
        elif kind == "resize":
            r = rng.random()
            if r < 0.55:
                size[:] = [1280, 800]
            elif r < 0.7:
                size[:] = [rng.choice([1, 10, 64, 200]), rng.choice([1, 10, 48, 150])]
            else:
                size[:] = [rng.randint(300, 2200), rng.randint(200, 1400)]
            events.append((f"resize to {size[0]}x{size[1]}", ["windowsize", "WID", str(size[0]), str(size[1])]))
        # A little time between events, so presses and releases fall in different frames.
        events[-1][1].extend(["sleep", rng.choice(["0", "0.005", "0.01", "0.02"])])
    return events

print(f"monkey: seed {SEED}, {TOTAL} events, {MODE} run, app flags {APP_ARGS}, folder {OUT}", flush=True)
events = generate(SEED, TOTAL)

# ---- the app ----------------------------------------------------------------------------------
env = dict(os.environ, NEURALPLAYGROUND_SCREENSHOT_DIR=SHOTS)
log = open(LOG, "w")
app = subprocess.Popen([BIN, *APP_ARGS], cwd=WORK, stdout=log, stderr=subprocess.STDOUT, env=env)
atexit.register(lambda: app.poll() is None and app.kill())  # never leave the app behind
sent = 0  # events sent so far

def log_text():
    with open(LOG, errors="replace") as f:
        return f.read()

def fail(why, batch=None):
    print(f"monkey FAILED: {why}", flush=True)
    if batch:
        where = f"in events #{batch[0][0]}..#{batch[-1][0]} (0-based; the batch listed below)"
    else:
        where = f"after event #{sent - 1} (0-based)" if sent else "before the first event"
    print(f"  seed {SEED}, {sent} events sent; the failure is {where}")
    print(f"  replay: MONKEY_SEED={SEED} MONKEY_EVENTS={sent} PLAYGROUND_BIN=… "
          f"xvfb-run -a -s '-screen 0 1280x800x24' Tests/e2e/monkey.sh")
    for i, (text, _) in batch or []:
        print(f"    #{i}: {text}")
    print("--- app log (tail)")
    print(log_text()[-4000:])
    if app.poll() is None and "hangs" in why:
        print(diagnose())
    print(f"--- kept {OUT}")
    if app.poll() is None:
        app.kill()
    sys.exit(1)

def diagnose():
    """Where the app is: its CPU use and state, and every thread's stack (gdb, if installed)."""
    ps = subprocess.run(["ps", "-o", "pcpu=,rss=,stat=", "-p", str(app.pid)], capture_output=True, text=True)
    load = open("/proc/loadavg").read().split()[:3]
    text = f"--- the app: %CPU {ps.stdout.strip()} (%CPU, RSS KB, state); machine load {' '.join(load)}"
    if shutil.which("gdb"):  # (lldb needs a libpython that is not always installed)
        try:
            bt = subprocess.run(["gdb", "-p", str(app.pid), "-batch", "-ex", "thread apply all bt 25"],
                                capture_output=True, text=True, timeout=120).stdout
            frames = [l for l in bt.splitlines() if l.startswith(("#", "Thread"))]
            text += "\n--- backtrace (gdb)\n" + "\n".join(frames)[:8000]
        except subprocess.TimeoutExpired:
            text += "\n--- gdb timed out"
    return text

def xdo(words, timeout=60):
    try:
        r = subprocess.run(["xdotool"] + words, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "xdotool timed out"
    return r.returncode == 0, r.stderr.strip()

try:
    wid = subprocess.run(["xdotool", "search", "--sync", "--name", "^NeuralPlayground$"], capture_output=True,
                         text=True, timeout=30).stdout.split()[0]
except (subprocess.TimeoutExpired, IndexError):
    fail("no window appeared")
time.sleep(1)

def logged(prefix):
    return [l[len(prefix):] for l in log_text().splitlines() if l.startswith(prefix)]

def screenshots_logged():
    return logged("screenshot ")

def wait_for_line(prefix, before, label, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        lines = logged(prefix)
        if len(lines) > before:
            return lines[-1]
        if app.poll() is not None:
            fail(f"the app exited with code {app.returncode} during the check ({label})")
        time.sleep(0.1)
    return None

def check_save_round_trip(label):
    """Ctrl+S saves the session and Ctrl+O reopens it: the state the monkey reached is not lost."""
    saves, opens = len(logged("saved ")), len(logged("opened "))
    ok, err = xdo(["key", "--window", wid, "ctrl+s"])
    path = wait_for_line("saved ", saves, label) if ok else None
    if path is None:
        fail(f"Ctrl+S saved no session ({label}) {err}")
    kept = os.path.join(OUT, "unopenable-session.json")
    shutil.copyfile(path, kept)
    ok, err = xdo(["key", "--window", wid, "ctrl+o"])
    if (wait_for_line("opened ", opens, label) if ok else None) is None:
        why = subprocess.run([BIN, "--load", kept, "--layout-json"], capture_output=True, text=True,
                             timeout=60).stderr.strip()
        fail(f"a session saved by Ctrl+S does not reopen with Ctrl+O ({label}); kept as {kept}; "
             f"playground --load says: {why[:500]}")
    os.remove(kept)

def check_responsive(label):
    """Alive, and F12 gives a new screenshot line within 10 s (after Escape closes any editor)."""
    if app.poll() is not None:
        fail(f"the app exited with code {app.returncode} ({label})")
    before = len(screenshots_logged())
    # Back to the standard size, Escape (closes an open weight editor or the help), then F12.
    ok, err = xdo(["windowsize", wid, "1280", "800", "sleep", "0.2", "key", "--window", wid, "Escape",
                   "sleep", "0.2", "key", "--window", wid, "F12"])
    if not ok:
        fail(f"xdotool failed during the check ({label}): {err}")
    shot = wait_for_line("screenshot ", before, label)
    if shot is None:
        # Slow or stuck? Record where it is, ask again, and give it a minute in all: a frame
        # starved by a busy machine is not a hang, but it is reported.
        where = diagnose()
        xdo(["key", "--window", wid, "Escape", "sleep", "0.2", "key", "--window", wid, "F12"])
        shot = wait_for_line("screenshot ", before, label, seconds=50)
        if shot is None:
            fail(f"no screenshot within 60 s of F12 (sent twice): the app hangs ({label})\n{where}")
        slow_checks.append(label)
        print(f"monkey: WARNING: F12 was answered only after more than 10 s ({label})\n{where}", flush=True)
    if SAVE_CHECK:
        check_save_round_trip(label)
    if MODE == "cnn":  # back to the CNN mode (Ctrl+O reopens the saved session in its own mode)
        x, y = points["mode.cnn"]
        xdo(["mousemove", "--window", wid, str(x), str(y), "click", "1"])
    return shot

slow_checks = []  # checks answered only after the first 10 s
check_responsive("before the first event")
next_check = CHECK_EVERY
while sent < TOTAL:
    batch = [(i, events[i]) for i in range(sent, min(TOTAL, sent + BATCH))]
    commands = [[]]  # xdotool command lines; each `type` ends one
    for _, (_, w) in batch:
        commands[-1] += [wid if x == "WID" else x for x in w]
        if w[0] == "type":
            commands.append([])
    for words in commands:
        if words:
            ok, err = xdo(words)
            if not ok:
                sent += len(batch)
                try:  # a window that vanished usually means the app died: say that first
                    app.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    fail(f"xdotool failed: {err}", batch)
                fail(f"the app died (exit code {app.returncode}; negative means a signal)", batch)
    sent += len(batch)
    if app.poll() is not None:
        fail(f"the app died (exit code {app.returncode}; negative means a signal)", batch)
    if sent >= next_check or sent == TOTAL:
        check_responsive(f"after {sent} events")
        what = "answering F12, Ctrl+S and Ctrl+O" if SAVE_CHECK else "answering F12"
        print(f"monkey: {sent} events, alive and {what} ({time.time() - started:.0f} s)", flush=True)
        next_check += CHECK_EVERY

# ---- the end: a screenshot, then a clean quit ----------------------------------------------------
shot = check_responsive("at the end")
with open(shot, "rb") as f:
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        fail(f"the final screenshot {shot} is not a PNG")
app.send_signal(signal.SIGTERM)
try:
    code = app.wait(timeout=15)
except subprocess.TimeoutExpired:
    fail("the app did not quit within 15 s of SIGTERM")
if code != 0:
    fail(f"the app exited with code {code} after SIGTERM")
final = [l for l in log_text().splitlines() if l.startswith('{"event":"quit"')]
if not final:
    fail("no final {\"event\":\"quit\"} line")
state = json.loads(final[-1])
n_shots = len(screenshots_logged())
saves = sum(1 for l in log_text().splitlines() if l.startswith("saved "))
opens = sum(1 for l in log_text().splitlines() if l.startswith("opened "))
print(f"monkey passed: {TOTAL} events survived ({MODE} run, seed {SEED}) in {time.time() - started:.0f} s; "
      f"{n_shots} screenshots, {saves} saves, {opens} opens; ended in mode {state.get('mode')}, 2-D epoch "
      f"{state.get('epoch')} ({state.get('dataset')}, layers {state.get('hiddenLayers')}), CNN epoch "
      f"{state.get('cnnEpoch')}, lesson step {state.get('lessonStep')}, "
      f"{state.get('framesPerSecond')} frames/s"
      + (f"; {len(slow_checks)} checks answered only after 10 s" if slow_checks else ""))
if os.environ.get("MONKEY_KEEP") == "1":
    print(f"monkey: kept {OUT}")
else:
    shutil.rmtree(OUT, ignore_errors=True)
PY
