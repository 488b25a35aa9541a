# Kleroterion: the two set-up commands are `make demo` and `make test`.
# Each installs what is missing (Debian packages) first; chromium is for the report test (headless rendering),
# strace for `make test-robustness` (it kills a run at chosen system calls).
SWIFT ?= swift
APT_PACKAGES := libgsl-dev libglpk-dev libsqlite3-dev pkg-config python3 python3-venv chromium chromium-driver strace wrk
# The independent fairness checker (docs/verify_fairness.py) and the Markdown renderer of the escaping test.
VENV := .venv-verify
# The web app's browser and API tests (Selenium, axe-core, schemathesis).
WEB_VENV := .venv-web
BIN := .build/release/kleroterion
VERSION := $(shell sed -n 's/^let kleroterionVersion = "\(.*\)"$$/\1/p' Sources/kleroterion/Version.swift)

.PHONY: deps venv-verify venv-web build release test test-web test-robustness demo serve bench-serve bench-verify deb deb-test bench-peer bench-survey bench-scale bench-register bench-csv bench-dropout clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime is linked in statically, so the same binary runs without a Swift toolchain (make deb).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product kleroterion

# Created (or updated) from PyPI when docs/requirements-verify.txt is newer than the venv.
venv-verify: $(VENV)/.installed
$(VENV)/.installed: docs/requirements-verify.txt | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r docs/requirements-verify.txt
	touch $@

# A Debian package, kleroterion_VERSION_amd64.deb: the program, the templates, the example, man pages generated from
# the argument parser; it depends on Debian's libgsl27 and libglpk40 only.
deb: release
	@bash packaging/deb/build.sh $(BIN)

# Installs the package into a fresh root (dpkg --root) and runs --version and the Zeist example from it (a few minutes).
deb-test: deb
	@bash packaging/deb/test.sh kleroterion_$(VERSION)_amd64.deb

venv-web: $(WEB_VENV)/.installed
$(WEB_VENV)/.installed: Tests/e2e/requirements.txt | deps
	python3 -m venv $(WEB_VENV)
	$(WEB_VENV)/bin/pip install -q -r Tests/e2e/requirements.txt
	touch $@

# Swift Testing only: the tests use @Test, so XCTest's runner would only add an "Executed 0 tests" line that reads
# like a failure. The Chromium screenshots of the report go to test-artifacts/report/.
test: deps venv-verify venv-web
	$(SWIFT) test --disable-xctest
	$(MAKE) --no-print-directory test-web

# The web app end to end (issue #13), with the debug build `swift test` made: a whole Zeist assembly through the
# pages in headless Chromium (screenshots at 1280 and 400 px in test-artifacts/web/, axe-core on every page), the
# server killed during a job and an upload, and schemathesis against /openapi.yaml.
test-web: venv-web
	$(SWIFT) build --product kleroterion
	$(WEB_VENV)/bin/python Tests/e2e/zeist_e2e.py .build/debug/kleroterion
	$(WEB_VENV)/bin/python Tests/e2e/restart_test.py .build/debug/kleroterion
	bash Tests/e2e/schemathesis.sh .build/debug/kleroterion $(WEB_VENV)

# The long robustness runs of issue #12 (a few minutes; not part of `make test`): select killed with SIGKILL at 20
# moments and at chosen system calls, disk full at every flush, and a seeded fuzz over the numeric options and the
# quota file (KLEROTERION_FUZZ_CASES=400 by default). Prints what it measured.
test-robustness: deps
	$(SWIFT) build --build-tests
	KLEROTERION_ROBUSTNESS=1 $(SWIFT) test --skip-build --filter RobustnessSlowTests

demo: release
	@bash examples/zeist/run-demo.sh $(BIN)

# The organisers' web app on the Zeist example data (a register and registrations pre-loaded): http://127.0.0.1:8080/
serve: release
	@bash examples/zeist/serve.sh $(BIN)

# Page latency under wrk, register uploads of 1M and 15M rows against invite, idle memory (docs/performance.md).
bench-serve: release
	@bash bench/serve.sh $(BIN)

# Side-by-side benchmark against the peer sortition-algorithms 0.12.15 (slow; not part of `make test`).
# Options via environment variables, e.g. `SIZES="500" ALGOS="maximin" make bench-peer`; see bench/peer.sh.
bench-peer: release
	KLEROTERION=$(BIN) bash bench/peer.sh

# What re-deriving the fairness costs: commit vs verify vs docs/verify_fairness.py on Zeist and 2,000 (docs/performance.md).
bench-verify: release venv-verify
	@bash bench/verify.sh $(BIN)

# Which route LEXIMIN takes, and how long it needs, on 16 pools of varied shape (docs/algorithms.md).
bench-survey: release
	python3 bench/survey.py $(BIN)

# National-scale shapes (n up to 50,000, 3-8 features, panels of 12-500) with growth exponents; slow, not in `make test`.
# `make bench-scale BASELINE=/path/to/old/kleroterion` also runs that binary on the same cases, for the ratio.
# Options (SHAPES, TOOLS, TIMEOUT, OUT, APPEND): see bench/scale.sh.
bench-scale: release
	KLEROTERION=$(BIN) BASELINE=$(BASELINE) bash bench/scale.sh

# Invitation lottery on 1M and 15M synthetic register rows, against `wc -l` (not part of `make test`).
bench-register: release
	@bash bench/register.sh $(BIN)

# CSV parsing speed of the streaming reader against `wc -l` and Python's csv (prints figures; ROWS=15000000 for more).
bench-csv: deps
	@bash bench/csv-parse.sh $(ROWS)

# Panels that survive drop-outs (issue #14): select --alternates timings and 1,000 seeded drop-out patterns per pool
# (docs/performance.md). RUNS=… and SIZES=… override the defaults.
bench-dropout: release
	@bash bench/dropout.sh $(BIN)

clean:
	rm -rf .build
