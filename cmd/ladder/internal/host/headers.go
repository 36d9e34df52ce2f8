package host

import (
	"net/http"
	"path"
	"strings"

	"github.com/ladder-explorer/ladder/web"
)

// ContentSecurityPolicy is the Content-Security-Policy of every response;
// web.ContentSecurityPolicy says why.
const ContentSecurityPolicy = web.ContentSecurityPolicy

// fixedHeaders go on every response, errors and 304s included.
//
// Cache-Control is no-cache: a cache may keep any response but must
// revalidate it (a cheap 304 thanks to the ETag) before use. Most names
// keep their name from one version to the next (pages, app.js, the data
// index), so a max-age would serve an old one beside new ones. A file
// whose name carries its hash is the exception (web.Immutable): it is sent
// with web.ImmutableCacheControl instead.
//
// The slices are shared by all responses: net/http only reads them, and
// Header.Set and Header.Add replace rather than modify them.
var fixedHeaders = http.Header{
	"Cache-Control":              {"no-cache"},
	"Content-Security-Policy":    {ContentSecurityPolicy},
	"X-Content-Type-Options":     {"nosniff"},
	"Referrer-Policy":            {"no-referrer"},
	"X-Frame-Options":            {"DENY"},
	"Cross-Origin-Opener-Policy": {"same-origin"},
}

// SetHeaders adds the headers of every response to h, replacing any
// value they had: the live preview's responses carry them too.
func SetHeaders(h http.Header) {
	for k, v := range fixedHeaders {
		h[k] = v
	}
}

// contentTypes are the types of the files the build writes, by extension.
// The table is ours rather than mime.TypeByExtension's, which depends on
// the machine's /etc/mime.types.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".ico":         "image/x-icon",
}

// ContentType is the Content-Type of the file name; for a precompressed
// sibling, pass the original name.
func ContentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}
