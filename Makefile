# NeuralPlayground: `make run` opens the app, `make test` runs every test. Both set up what is missing.
SHELL := /bin/bash
APT_PACKAGES := pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libgif-dev xvfb xauth fonts-dejavu-core \
                xdotool imagemagick python3 python3-numpy \
                dpkg-dev binutils libgl1 libglx-mesa0 libgl1-mesa-dri
# One release build (with testability) serves the app, the unit tests and the command-line tests.
SWIFT_FLAGS := -c release -Xswiftc -enable-testing
BIN = $$(swift build $(SWIFT_FLAGS) --show-bin-path)/playground

.PHONY: setup build run test e2e soak monkey savekill bench clean package package-check soak-gl

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v swift >/dev/null || { echo "Swift 6 is needed: https://swift.org/install"; exit 1; }

build: setup
	swift build $(SWIFT_FLAGS)

run: build
	$(BIN)

# The app and the test bundle in one build: `swift test` and the end-to-end targets then reuse it
# (a plain `swift test` after `swift build` compiled every module a second time).
test: setup
	swift build $(SWIFT_FLAGS) --build-tests
	PLAYGROUND_BIN=$(BIN) swift test $(SWIFT_FLAGS) --skip-build
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory package-check

# The real window under Xvfb, driven with xdotool.
e2e: build
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/window-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/lesson-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/keyboard-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/timeline-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/speed-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/cnn-heavy-e2e.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/cnn-step-e2e.sh
	PLAYGROUND_BIN=$(BIN) SOAK_SECONDS=20 xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/soak.sh
	PLAYGROUND_BIN=$(BIN) xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/renderer-e2e.sh
	$(MAKE) --no-print-directory monkey MONKEY_EVENTS=400 MONKEY_SEED=$${MONKEY_SEED:-1}
	PLAYGROUND_BIN=$(BIN) SAVEKILL_SEED=$${SAVEKILL_SEED:-1} Tests/e2e/save-kill.sh

# Ten minutes of C2 training in the window; resident memory must stay flat and under 150 MB.
soak: build
	PLAYGROUND_BIN=$(BIN) SOAK_SECONDS=600 xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/soak.sh

# Random clicks, drags, keys, typed text and resizes on the real window, MONKEY_EVENTS (default
# 3,400) in each of three runs: 2-D, CNN (--mode cnn) and a lesson, 10,200 in all (a failure
# prints the seed to replay: make monkey MONKEY_SEED=… MONKEY_EVENTS=…).
MONKEY_LESSON ?= Lessons/06-learning-rate.yaml
monkey: build
	@for args in "" "--mode cnn" "--lesson $(MONKEY_LESSON)"; do \
	  PLAYGROUND_BIN=$(BIN) MONKEY_EVENTS=$${MONKEY_EVENTS:-3400} MONKEY_APP_ARGS="$$args" \
	    xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/monkey.sh || exit 1; \
	done

# 200 SIGKILLs of a large session's save; the old file must stay intact and loadable.
savekill: build
	PLAYGROUND_BIN=$(BIN) SAVEKILL_ITERATIONS=$${SAVEKILL_ITERATIONS:-200} Tests/e2e/save-kill.sh

# A minute of C2 training drawn by OpenGL (Mesa's software OpenGL under Xvfb): memory stays flat.
soak-gl: build
	PLAYGROUND_BIN=$(BIN) SOAK_SECONDS=60 SOAK_APP_ARGS="--renderer opengl" SOAK_PEAK_MB=250 LIBGL_ALWAYS_SOFTWARE=1 \
	  xvfb-run -a -s "-screen 0 1280x800x24" Tests/e2e/soak.sh

# The Debian package and the portable tar.gz in .build/package/dist (see Packaging/README.md).
package: setup
	Packaging/build.sh

# What `make package` built: no Swift toolchain at run time, same bits, the tar.gz and the .deb work.
package-check: package build
	PLAYGROUND_BIN=$(BIN) Tests/e2e/package-check.sh

bench: build
	$(BIN) bench

clean:
	rm -rf .build
