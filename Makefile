# The two commands: `make run` (set up and start the product locally) and
# `make test` (set up, lint, type-check, run the whole suite). Both install what they
# need on a fresh clone: a Python venv from the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 7071

.PHONY: install model run test lint typecheck pytest bench fuzz clean cosmos-server web web-check infra-tools infra-check func signalr-emulator

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The learned second opinion's model (docs/compliance.md): trained on the labelled dev
# corpora when they or the compliance code change; the auditor reads it, never builds it.
MODEL := marketing_agents/compliance/learned-model.joblib
$(MODEL): $(STAMP) $(wildcard marketing_agents/compliance/*.py) $(wildcard tests/compliance/corpora/dev*.yaml)
	$(BIN)/python -m marketing_agents.compliance.learned_build --out $(MODEL)

model: $(MODEL)

local.settings.json:
	cp local.settings.json.example local.settings.json

# The dashboard (web/, docs/dashboard.md): `npm ci` when the lock file changed, then a
# Vite build into web/dist, which the app serves at /.
WEB_STAMP := web/node_modules/.install-stamp
$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_STAMP)

web: $(WEB_STAMP)
	cd web && npm run build

# The dashboard's type check (tsc --noEmit, strict) and unit tests (Vitest).
web-check: $(WEB_STAMP)
	cd web && npm run typecheck && npm test

run: install model local.settings.json web
	$(BIN)/python -m devhost --app . --port $(PORT)

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy .

# checkov (and pycep-parser, the Bicep parser it brings) in a venv of their own: checkov
# pins many packages that must not move the app's pins. tests/infra uses it.
INFRA_VENV := .venv-infra
INFRA_STAMP := $(INFRA_VENV)/.installed-stamp
$(INFRA_STAMP): requirements-infra.txt
	test -x $(INFRA_VENV)/bin/python || $(PYTHON) -m venv $(INFRA_VENV)
	$(INFRA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-infra.txt
	touch $(INFRA_STAMP)

infra-tools: $(INFRA_STAMP)

# checkov on infra/ with the committed skip list (tests/infra runs the same, stricter).
infra-check: infra-tools
	$(INFRA_VENV)/bin/checkov -d infra --framework bicep --skip-download --compact --quiet \
		--skip-check $$($(BIN)/python -c "import yaml; print(','.join(yaml.safe_load(open('infra/checkov-skips.yaml'))))")

# pytest exits 5 when it collects no test; that is not a failure of the product.
pytest: install infra-tools model
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests ran"; rc=0; fi; exit $$rc

test: lint typecheck web-check pytest

bench: install
	$(BIN)/python bench/engine.py

# The dashboard's browser tests alone (Debian's headless Chromium driven by playwright-core;
# tests/web/test_dashboard_e2e.py). E2E_UPDATE_SCREENSHOTS=1 refreshes docs/screenshots/.
.PHONY: e2e
e2e: install
	$(BIN)/python -m pytest tests/web/test_dashboard_e2e.py

clean:
	rm -rf $(MODEL) $(VENV) $(INFRA_VENV) .devhost .mypy_cache .ruff_cache .pytest_cache tests/cosmos/node/node_modules web/node_modules web/dist web/e2e/node_modules tests/web/artifacts

# The suite's in-memory Cosmos DB protocol server (docs/persistence.md), on
# 127.0.0.1:$(COSMOS_PORT) over http, to try `make run` against Cosmos without an account:
# CosmosDBConnection=AccountEndpoint=http://127.0.0.1:8081/;AccountKey=<any>;
COSMOS_PORT ?= 8081
COSMOS_NODE := tests/cosmos/node
$(COSMOS_NODE)/node_modules/.package-lock.json: $(COSMOS_NODE)/package.json $(COSMOS_NODE)/package-lock.json
	cd $(COSMOS_NODE) && npm ci --ignore-scripts --no-audit --no-fund

cosmos-server: $(COSMOS_NODE)/node_modules/.package-lock.json
	node tests/cosmos/cosmos_server.js --host 127.0.0.1 --port $(COSMOS_PORT) --no-ssl

# The app under Azure Functions Core Tools (func start) with Azurite, the standalone
# SignalR emulator and a Cosmos DB endpoint; says what is missing where it cannot run.
func: install model web
	tools/func.sh

# devhost's SignalR Service emulator on its own (for func start): SIGNALR_PORT, default 8888.
signalr-emulator: install
	$(BIN)/python -m devhost.signalr --port $${SIGNALR_PORT:-8888}

# A longer schemathesis run than the suite's (same seed unless FUZZ_SEED is set); it
# stops by itself after FUZZ_MAX_TIME seconds.
fuzz: install
	FUZZ_MAX_EXAMPLES=$${FUZZ_MAX_EXAMPLES:-100} FUZZ_MAX_TIME=$${FUZZ_MAX_TIME:-900} \
		$(BIN)/python -m pytest tests/api/test_schemathesis.py -q
