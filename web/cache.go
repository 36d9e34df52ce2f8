package web

import (
	"path"
	"strings"
)

// HashLength is how many hex digits of the SHA-256 of a file's bytes its
// name carries when the file never changes under its name:
// "devops-engineer.0123456789.json".
const HashLength = 10

// ImmutableCacheControl is the Cache-Control of a file whose name carries
// its hash: kept for a year, never revalidated. Every other file is sent
// with "no-cache" (revalidated with its ETag before use). nginx/ladder.conf
// must send the same strings, for the same names.
const ImmutableCacheControl = "public, max-age=31536000, immutable"

// Immutable reports whether the file at name (a path in the site) carries
// its hash in its name, as the part before its extension.
func Immutable(name string) bool {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	dot := strings.LastIndexByte(base, '.')
	if dot <= 0 || len(base)-dot-1 != HashLength {
		return false
	}
	for _, c := range base[dot+1:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
