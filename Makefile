# PlanPress — the two commands that matter: `make site` and `make test`.
# Both install what they need on a fresh Debian machine (apt-get when missing).

SWIFT ?= swift
RELEASE_BIN := .build/release/planpress
DEBUG_BIN := .build/debug/planpress
VERSION := $(shell cat VERSION)
# The commit, from git when there is one (a source tarball says "unknown").
COMMIT := $(shell git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)
STAMP := Sources/planpress/BuildInfo+Stamped.swift
STAMPED := -Xswiftc -DPLANPRESS_STAMPED
DIST_NAME := planpress-$(VERSION)-linux-x86_64
DIST_BUILD := .build-dist
# fonts-dejavu-core: the share cards' text (Cyrillic), drawn by libvips with Pango (docs/updates.md).
APT_PACKAGES := libcmark-dev libvips-dev pkg-config zlib1g-dev libxml2-dev fonts-dejavu-core

.PHONY: site test deps build release check bench bench-hugo serve clean e2e-deps e2e unit stamp dist dist-test test-shipped fuzz

## Build the shipped Content/ into Public/.
site: deps release
	$(RELEASE_BIN) build

# The in-process HTTP servers' suites run on their own: Hummingbird answers on Swift's cooperative
# thread pool (one thread per core), which the synchronous site builds of the other suites can fill
# for longer than a client waits on a 2-core machine (docs/reliability.md, «Preview server»).
SERVER_SUITES := PreviewServerTests|PreviewServerLimitTests|EditorTests

## Run every test suite (what CI runs).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(SERVER_SUITES)'
	$(SWIFT) test --skip-build --filter '$(SERVER_SUITES)'
	$(MAKE) fuzz
	$(MAKE) test-shipped

## libFuzzer over every content loader, seeded from the fixtures, for FUZZ_SECONDS (docs/reliability.md).
## A crash leaves its input in Fuzz/artifacts/: copy it to Fuzz/crashes/ once fixed (FuzzRegressionTests replays them).
FUZZ_SECONDS ?= 90
FUZZ_BIN := Fuzz/.build/release/LoaderFuzzer
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	rm -rf Fuzz/.corpus && bash Fuzz/seed.sh Fuzz/.corpus
	mkdir -p Fuzz/artifacts
	SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
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

build: deps stamp
	$(SWIFT) build --product planpress $(STAMPED)

release: deps stamp
	$(SWIFT) build -c release --product planpress $(STAMPED)

## Version and commit for `planpress --version`: rewritten only when they change (no rebuild otherwise).
stamp:
	@printf 'enum StampedBuildInfo {\n    static let version = "%s"\n    static let commit = "%s"\n}\n' "$(VERSION)" "$(COMMIT)" > $(STAMP).new
	@cmp -s $(STAMP).new $(STAMP) && rm $(STAMP).new || mv $(STAMP).new $(STAMP)

## dist/planpress-VERSION-linux-x86_64.tar.gz: a binary that runs without Swift (static Swift
## standard library and Foundation), the default Templates/ and a README for a press office.
dist: deps stamp
	$(SWIFT) build -c release --product planpress --static-swift-stdlib --scratch-path $(DIST_BUILD) $(STAMPED)
	bash tools/dist.sh "$(DIST_BUILD)/release/planpress" "$(DIST_NAME)"

## Unpacks the archive and builds the shipped site with /opt/swift hidden; compares with `make site`'s output.
## Then the photo library: not linked by the shipped binary, loaded for a photo, a clear error where it is missing.
dist-test: dist release
	bash tests/dist/test_dist.sh "dist/$(DIST_NAME).tar.gz" "$(RELEASE_BIN)"
	bash tests/dist/test_photo_library.sh "$(DIST_BUILD)/release/planpress"

## The end-to-end suites and the archive's tests with the archive's own binary (what a press office
## downloads): one release build for both instead of two. The archive's site is compared with the
## debug build's (`swift build --build-tests` above), so two optimisation levels must agree byte for byte.
SHIPPED_BIN := $(CURDIR)/$(DIST_BUILD)/release/planpress
test-shipped: dist
	PLANPRESS="$(SHIPPED_BIN)" bash tests/e2e/run.sh
	test -x $(DEBUG_BIN) || $(SWIFT) build --product planpress
	bash tests/dist/test_dist.sh "dist/$(DIST_NAME).tar.gz" "$(DEBUG_BIN)"
	bash tests/dist/test_photo_library.sh "$(SHIPPED_BIN)"

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
