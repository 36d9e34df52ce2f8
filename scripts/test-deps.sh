#!/usr/bin/env bash
# Installs what the browser tests need, only what is missing, so that a
# second run does nothing and returns at once:
#   - Debian's Chromium, nginx, nginx's brotli_static module and wrk (for
#     make bench) (apt-get, as root; otherwise it prints the command to run
#     and fails);
#   - axe-core and Lighthouse, pinned in its package.json, with npm ci, in
#     cmd/ladder/rig/browsertest/node_modules.
# The tests (package cmd/ladder/rig/browsertest) fail, and say to run
# this, when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

browsertest=cmd/ladder/rig/browsertest
chromium=${CHROMIUM:-/usr/bin/chromium}
nginx=/usr/sbin/nginx
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
axe=$browsertest/node_modules/axe-core/axe.min.js
lighthouse=$browsertest/node_modules/lighthouse/cli/index.js

missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$nginx" ] || missing+=(nginx)
[ -f "$brotli_module" ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/bin/wrk ] || missing+=(wrk) # make bench loads the hosts with it
npm_packages=no
if [ ! -f "$axe" ] || [ ! -f "$lighthouse" ]; then
	npm_packages=yes
fi
if [ "$npm_packages" = yes ] && ! command -v npm >/dev/null 2>&1; then
	missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "test-deps: missing ${missing[*]}, and this is not a Debian system: install them by hand" >&2
		exit 1
	fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "test-deps: missing ${missing[*]}; run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		echo "then run $0 again" >&2
		exit 1
	fi
	echo "test-deps: installing ${missing[*]}"
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

if [ "$npm_packages" = yes ]; then
	echo "test-deps: installing axe-core and Lighthouse in $browsertest"
	if [ -f "$browsertest/package-lock.json" ]; then
		(cd "$browsertest" && npm ci --no-audit --no-fund)
	else
		(cd "$browsertest" && npm install --no-audit --no-fund)
	fi
fi

echo "test-deps: Chromium, nginx with brotli_static, wrk, axe-core and Lighthouse are installed"
