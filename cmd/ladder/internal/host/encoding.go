package host

import (
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// encoding is a precompressed sibling the build may write next to a file.
type encoding struct {
	suffix string // of the sibling's name: app.js.br
	name   string // its Content-Encoding
}

// encodings are the siblings, best first: brotli is smaller than gzip.
var encodings = [...]encoding{{".br", "br"}, {".gz", "gzip"}}

// variant is the file chosen to answer a request.
type variant struct {
	name     string
	info     fs.FileInfo
	encoding string // "" for the file itself
	vary     bool   // the file has a sibling: the answer depends on Accept-Encoding
}

// chooseVariant picks the sibling of name in dir that the client accepts,
// else name itself. Siblings are looked at only as far as the answer
// needs: a browser accepting br costs one Stat.
func chooseVariant(dir *os.Root, name string, info fs.FileInfo, acceptEncoding []string) variant {
	v := variant{name: name, info: info}
	for _, e := range encodings {
		if strings.HasSuffix(name, e.suffix) {
			return v // a sibling asked for by its own name is sent as it is
		}
	}
	accepted := accepts(acceptEncoding)
	for i, e := range encodings {
		if v.vary && !accepted[i] {
			continue // nothing left to learn from this sibling
		}
		t := file(dir, name+e.suffix)
		if t.status != http.StatusOK {
			continue
		}
		v.vary = true
		if accepted[i] {
			v.name, v.info, v.encoding = t.name, t.info, e.name
			return v
		}
	}
	return v
}

// accepts reports, for each of encodings, whether the Accept-Encoding
// header values allow it. Only q=0 matters: the server prefers br whatever
// the client's weights, as nginx's brotli_static and gzip_static do. A "*"
// covers the codings not named; a weight that does not parse refuses its
// coding, as identity is always a safe answer.
func accepts(values []string) [len(encodings)]bool {
	const (
		unset = iota
		yes
		no
	)
	var named [len(encodings)]int
	star := unset
	for _, value := range values {
		for elem := range strings.SplitSeq(value, ",") {
			coding, params, _ := strings.Cut(elem, ";")
			coding = strings.TrimSpace(coding)
			ok := no
			if weightAllows(params) {
				ok = yes
			}
			if coding == "*" {
				star = ok
			} else if i := codingIndex(coding); i >= 0 {
				named[i] = ok
			}
		}
	}
	var out [len(encodings)]bool
	for i, n := range named {
		out[i] = n == yes || n == unset && star == yes
	}
	return out
}

// codingIndex is the index in encodings of a content-coding's name, or -1.
func codingIndex(coding string) int {
	if strings.EqualFold(coding, "x-gzip") { // an old alias, RFC 9110 section 8.4.1.3
		coding = "gzip"
	}
	for i, e := range encodings {
		if strings.EqualFold(coding, e.name) {
			return i
		}
	}
	return -1
}

// weightAllows reports whether the parameters of one Accept-Encoding
// element, such as " q=0.5", leave its coding acceptable.
func weightAllows(params string) bool {
	for param := range strings.SplitSeq(params, ";") {
		key, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(key), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		return err == nil && q > 0 && q <= 1
	}
	return true
}
