#!/usr/bin/env bash
# The domain knows nothing of the world: ladder, ladder/search and
# ladder/assess import no UI, HTTP, OS or parsing code, and build for the
# browser. (ladder/page is the reader: it parses, and imports goldmark and
# yaml.v3.)
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(os|net|net/http|syscall|fmt|github.com/maxence-charriere/go-app/.*|github.com/yuin/goldmark.*|gopkg.in/yaml.v3)$'
for pkg in ./ladder ./ladder/search; do
	bad=$(go list -deps "$pkg" | grep -E "$forbidden" || true)
	if [ -n "$bad" ]; then
		echo "check-deps: package ${pkg#./} must not depend on: $(echo $bad)" >&2
		exit 1
	fi
done
# ladder/assess reads JSON, and encoding/json brings fmt and os along: its
# own imports are held to the rule, and its dependencies to no UI, HTTP or
# parsing library.
bad=$( (go list -f '{{join .Imports "\n"}}' ./ladder/assess; go list -deps ./ladder/assess | grep -vE '^(fmt|os|syscall)$') | grep -E "$forbidden" || true)
if [ -n "$bad" ]; then
	echo "check-deps: package ladder/assess must not depend on: $(echo $bad)" >&2
	exit 1
fi
for pkg in ./ladder ./ladder/search ./ladder/assess; do
	GOOS=js GOARCH=wasm go build -o /dev/null "$pkg"
done
echo "check-deps: ladder, ladder/search and ladder/assess import only the standard library's pure packages and build for js/wasm"

# The browser gets the model as data: the browser entry links no Markdown or
# YAML reader, no imaging (the share cards are drawn at build time), and none
# of the build machine's code (the site builder, the host, the browser
# tests).
forbidden='^(github.com/yuin/goldmark.*|gopkg.in/yaml.v3|golang.org/x/image/.*|github.com/ladder-explorer/ladder/(ladder/page|cmd/ladder/.*))$'
bad=$(GOOS=js GOARCH=wasm go list -deps ./cmd/explorer | grep -E "$forbidden" || true)
if [ -n "$bad" ]; then
	echo "check-deps: the browser entry cmd/explorer must not depend on: $(echo $bad)" >&2
	exit 1
fi
echo "check-deps: the browser entry links no reader, builder or host"

# The test rig (browser and benchmark harnesses, end-to-end tests) is a
# module of its own, cmd/ladder/rig: the product's module requires none of
# its dependencies, and no package of the product imports it.
if go list -m all | grep -q chromedp; then
	echo "check-deps: the product's go.mod must not require chromedp: it belongs to cmd/ladder/rig/go.mod" >&2
	exit 1
fi
bad=$(go list -deps ./... | grep -E '^github.com/(ladder-explorer/ladder/cmd/ladder/rig|chromedp)(/|$)' || true)
if [ -n "$bad" ]; then
	echo "check-deps: the product must not depend on the test rig: $(echo $bad)" >&2
	exit 1
fi
echo "check-deps: the product's module holds no test rig"
