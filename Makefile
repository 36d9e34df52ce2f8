# The two commands a newcomer needs: make run and make test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# CORPUS is the careers site's pages the tests and make bench read; they
# find it through LADDER_CORPUS.
CORPUS      ?= ../shared/corpus/skylight
export LADDER_CORPUS = $(abspath $(CORPUS))
FUZZTIME    ?= 5m
BIN         := bin/ladder
# RIG is the test rig, a module of its own: the browser and benchmark
# harnesses and the end-to-end tests, with chromedp, kept out of the
# product's go.mod.
RIG         := cmd/ladder/rig

SITE        := build/site

.PHONY: run test test-deps lint check-deps bench microbench fuzz check export build site clean

## run: build the explorer's site from content/ (app.wasm included) and serve it
run: site
	$(BIN) serve --dir $(SITE)

## site: check content/ and write its static site to build/site
site: build
	$(BIN) check content
	$(BIN) build --content content --out $(SITE)

## build: bin/ladder, carrying app.wasm (compressed once, here) and wasm_exec.js,
## so that it builds sites with no Go toolchain (see cmd/ladder/internal/site/prebuilt)
build:
	$(GO) run ./cmd/ladder/internal/prebuild build/prebuilt
	$(GO) build -overlay build/prebuilt/overlay.json -o $(BIN) ./cmd/ladder

## test: the whole suite: formatting, vet, staticcheck, the dependency rules, every
## test, the end-to-end ones in Chromium and nginx included (installed when missing)
test: lint check-deps test-deps
	$(GO) test -timeout 20m ./...
	cd $(RIG) && $(GO) test -timeout 20m ./...
	$(GO) run ./cmd/ladder check content
	$(GO) run ./cmd/ladder check $(CORPUS) > /dev/null

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	cd $(RIG) && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...

check-deps:
	scripts/check-deps.sh

test-deps:
	scripts/test-deps.sh

## bench: the performance table, each figure beside its reference (size, visits,
## interactions, host against nginx, build), printed and written to bench.json
bench: test-deps
	cd $(RIG) && $(GO) test ./perf -run '^$$' -bench Perf -benchtime 1x -timeout 60m

## microbench: the Go benchmarks of the parts (reading the corpus 1x, 10x and 100x,
## the diff, the host's cache, app.wasm's size budget)
microbench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: fuzz the page reader, then its links, for FUZZTIME each (5m by default)
fuzz:
	$(GO) test ./ladder/page -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./ladder/page -run '^$$' -fuzz FuzzLinks -fuzztime $(FUZZTIME) -fuzzminimizetime 10s

## check, export: the CLI on the bundled content
check:
	$(GO) run ./cmd/ladder check content
export:
	$(GO) run ./cmd/ladder export content

clean:
	rm -rf bin build
