#!/usr/bin/env bash
# The domain package knows nothing of the world: ladder imports no UI, HTTP,
# OS or parsing code, and builds for the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(os|net|net/http|syscall|fmt|github.com/maxence-charriere/go-app/.*|github.com/yuin/goldmark.*|gopkg.in/yaml.v3)$'
bad=$(go list -deps ./ladder | grep -E "$forbidden" || true)
if [ -n "$bad" ]; then
	echo "check-deps: package ladder must not depend on: $(echo $bad)" >&2
	exit 1
fi
GOOS=js GOARCH=wasm go build -o /dev/null ./ladder
echo "check-deps: ladder imports only the standard library's pure packages and builds for js/wasm"

# The browser gets the model as data: the browser entry links no Markdown or
# YAML reader, and none of the build machine's code (the site builder, the
# host, the browser tests).
forbidden='^(github.com/yuin/goldmark.*|gopkg.in/yaml.v3|github.com/ladder-explorer/ladder/(ladder/page|cmd/ladder/.*))$'
bad=$(GOOS=js GOARCH=wasm go list -deps ./cmd/explorer | grep -E "$forbidden" || true)
if [ -n "$bad" ]; then
	echo "check-deps: the browser entry cmd/explorer must not depend on: $(echo $bad)" >&2
	exit 1
fi
echo "check-deps: the browser entry links no reader, builder or host"
