# PlanPress — the two commands that matter: `make site` and `make test`.
# Both install what they need on a fresh Debian machine (apt-get when missing).

SWIFT ?= swift
RELEASE_BIN := .build/release/planpress
DEBUG_BIN := .build/debug/planpress
APT_PACKAGES := libcmark-dev libvips-dev pkg-config

.PHONY: site test deps build release check bench serve clean e2e-deps e2e unit

## Build the shipped Content/ into Public/.
site: deps release
	$(RELEASE_BIN) build

## Run every test suite (what CI runs).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) e2e

## Validate the shipped content without writing anything.
check: deps build
	$(DEBUG_BIN) check

## Speed and memory at several sizes (see bench/README.md).
bench: deps release
	python3 bench/run.py

## Live preview on 127.0.0.1:8000.
serve: deps release
	$(RELEASE_BIN) serve

build: deps
	$(SWIFT) build --product planpress

release: deps
	$(SWIFT) build -c release --product planpress

unit: deps
	$(SWIFT) test

## System packages: installed only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## End-to-end suites against the built site (real web server, browser, validator).
e2e: release
	bash tests/e2e/run.sh

clean:
	rm -rf .build Public Public.planpress-staging Public.planpress-old
