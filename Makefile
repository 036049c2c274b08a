# Two entry points for a fresh machine with Python 3.11 and pip:
#   make run   - set up the core install, align the sample corpus into outputs/
#   make test  - set up everything (extras, torch CPU, chromium, omegat), run the test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test setup setup-test browser clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# The core install: no torch.
$(VENV)/.core: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

# Tests also exercise the sentence-transformers path; torch==2.13.0 is the CPU build.
$(VENV)/.test: pyproject.toml $(VENV)/.core
	$(PIP) install torch==2.13.0
	$(PIP) install -e ".[st,cluster,review,test]"
	touch $@

setup: $(VENV)/.core
setup-test: $(VENV)/.test browser

# Debian's chromium for the browser test of the review app, with CJK fonts for screenshots,
# and Debian's OmegaT for the test that a CAT tool imports the corpus TMX.
browser:
	@if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-noto-cjk >/dev/null 2>&1 \
	  && command -v omegat >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver fonts-noto-cjk omegat >/dev/null; \
	else echo "chromium or omegat missing and no apt-get: their tests will be skipped"; fi

run: setup
	$(VENV)/bin/duiqi run corpus --out outputs

test: setup-test
	$(PY) -m pytest -q

clean:
	rm -rf outputs .pytest_cache
