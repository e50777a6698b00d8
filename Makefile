# PlanPress — the two commands that matter: `make site` and `make test`.
# Both install what they need on a fresh Debian machine (apt-get when missing).

SWIFT ?= swift
RELEASE_BIN := .build/release/planpress
DEBUG_BIN := .build/debug/planpress
APT_PACKAGES := libcmark-dev pkg-config zlib1g-dev libxml2-dev

.PHONY: site test deps build release check bench bench-hugo serve clean e2e-deps e2e unit fuzz

## Build the shipped Content/ into Public/.
site: deps release
	$(RELEASE_BIN) build

## Run every test suite (what CI runs).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) fuzz
	$(MAKE) e2e

## libFuzzer over every content loader, seeded from the fixtures, for FUZZ_SECONDS (docs/reliability.md).
## A crash leaves its input in Fuzz/artifacts/: copy it to Fuzz/crashes/ once fixed (FuzzRegressionTests replays them).
FUZZ_SECONDS ?= 90
FUZZ_BIN := Fuzz/.build/release/LoaderFuzzer
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	rm -rf Fuzz/.corpus && bash Fuzz/seed.sh Fuzz/.corpus
	mkdir -p Fuzz/artifacts
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 Fuzz/.corpus

## Validate the shipped content without writing anything.
check: deps build
	$(DEBUG_BIN) check

## Speed and memory at several sizes, then PlanPress vs Hugo and the write floor (see bench/README.md).
bench: deps release
	python3 bench/run.py
	bash bench/hugo/run.sh

## Only the Hugo comparison and the write floor.
bench-hugo: deps release
	bash bench/hugo/run.sh

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
	rm -rf .build Public Public.planpress-next Public.planpress-old Fuzz/.build Fuzz/.corpus Fuzz/artifacts
