package web

// PagePolicy is the Content-Security-Policy every page carries in a
// <meta http-equiv> tag, so that a host that sends no headers (GitHub Pages,
// a bucket) still refuses injected script: everything comes from the site
// itself, 'wasm-unsafe-eval' lets the page compile app.wasm and allows
// nothing else, and there are no inline scripts or styles to allow. A
// browser ignores frame-ancestors in a meta tag, so it is left out here;
// hosts send it as a header (ContentSecurityPolicy).
const PagePolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'"

// ContentSecurityPolicy is the header a host sends with every response:
// PagePolicy, and no framing by other sites. nginx/ladder.conf must send
// the same string.
const ContentSecurityPolicy = PagePolicy + "; frame-ancestors 'none'"
