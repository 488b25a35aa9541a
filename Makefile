# Kleroterion: the two set-up commands are `make demo` and `make test`.
# Each installs what is missing (Debian packages) first; chromium is for the report test (headless rendering).
SWIFT ?= swift
APT_PACKAGES := libgsl-dev libglpk-dev pkg-config python3 python3-venv chromium
# The independent fairness checker (docs/verify_fairness.py) and the Markdown renderer of the escaping test.
VENV := .venv-verify
BIN := .build/release/kleroterion

.PHONY: deps venv-verify build release test demo bench-verify bench-peer bench-survey bench-register bench-csv clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product kleroterion

# Created (or updated) from PyPI when docs/requirements-verify.txt is newer than the venv.
venv-verify: $(VENV)/.installed
$(VENV)/.installed: docs/requirements-verify.txt | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r docs/requirements-verify.txt
	touch $@

test: deps venv-verify
	$(SWIFT) test

demo: release
	@bash examples/zeist/run-demo.sh $(BIN)

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

# Invitation lottery on 1M and 15M synthetic register rows, against `wc -l` (not part of `make test`).
bench-register: release
	@bash bench/register.sh $(BIN)

# CSV parsing speed of the streaming reader against `wc -l` and Python's csv (prints figures; ROWS=15000000 for more).
bench-csv: deps
	@bash bench/csv-parse.sh $(ROWS)

clean:
	rm -rf .build
