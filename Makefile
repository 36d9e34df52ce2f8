# The two commands a newcomer needs: make run and make test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
CORPUS      ?= ../shared/corpus/skylight
FUZZTIME    ?= 5m
BIN         := bin/ladder

.PHONY: run test lint check-deps bench fuzz check export build clean

## run: read the bundled content, check it and write its model to build/ladder.json
run: build
	$(BIN) check content
	@mkdir -p build
	$(BIN) export content > build/ladder.json
	@echo "wrote build/ladder.json from content/"

build:
	$(GO) build -o $(BIN) ./cmd/ladder

## test: the whole suite: formatting, vet, staticcheck, the dependency rule, every test
test: lint check-deps
	$(GO) test ./...
	$(GO) run ./cmd/ladder check content
	$(GO) run ./cmd/ladder check $(CORPUS) > /dev/null

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

check-deps:
	scripts/check-deps.sh

## bench: the benchmarks (reading the corpus 1x, 10x and 100x)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: fuzz the page reader for FUZZTIME (5m by default)
fuzz:
	$(GO) test ./ladder/page -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 10s

## check, export: the CLI on the bundled content
check:
	$(GO) run ./cmd/ladder check content
export:
	$(GO) run ./cmd/ladder export content

clean:
	rm -rf bin build
