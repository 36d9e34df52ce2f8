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
