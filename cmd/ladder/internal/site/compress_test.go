package site

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCompressAllReusesThePreviousBuild checks that a rebuild takes the
// compressed forms of unchanged files from the previous build, and
// compresses again the files that changed and those whose earlier
// siblings are damaged.
func TestCompressAllReusesThePreviousBuild(t *testing.T) {
	page := func(s string) []byte { return []byte("<p>" + strings.Repeat(s+" ", 200) + "</p>") }
	same, damaged, before, after := page("same"), page("damaged"), page("before"), page("after")
	earlierBr := brotliAt(same, 1) // not what this build would write
	prev := fstest.MapFS{
		"same.html":       {Data: same},
		"same.html.br":    {Data: earlierBr},
		"same.html.gz":    {Data: Gzip(same)},
		"damaged.html":    {Data: damaged},
		"damaged.html.br": {Data: []byte("not brotli")},
		"damaged.html.gz": {Data: Gzip(damaged)},
		"changed.html":    {Data: before},
		"changed.html.br": {Data: Brotli(before)},
		"changed.html.gz": {Data: Gzip(before)},
	}
	files := map[string][]byte{
		"same.html": same, "damaged.html": damaged, "changed.html": after, "icon.png": {1, 2, 3},
	}
	compressAll(files, prev)

	if !bytes.Equal(files["same.html.br"], earlierBr) {
		t.Error("an unchanged file was compressed again instead of taking the previous build's siblings")
	}
	for name, want := range map[string][]byte{"same.html": same, "damaged.html": damaged, "changed.html": after} {
		sum := sha256.Sum256(want)
		if unbrotliSum(files[name+".br"]) != sum || gunzipSum(files[name+".gz"]) != sum {
			t.Errorf("%s's siblings do not decompress to it", name)
		}
	}
	if _, ok := files["icon.png.br"]; ok {
		t.Error("a PNG got a brotli sibling")
	}
	if len(files) != 4+6 {
		t.Errorf("compressAll left %d files, want 10", len(files))
	}
}

// TestCompressAllWithoutPreviousBuild checks the first build: every
// compressible file gets siblings that decompress to it.
func TestCompressAllWithoutPreviousBuild(t *testing.T) {
	big := bytes.Repeat([]byte("wasm "), 1000)
	files := map[string][]byte{"index.html": []byte("<p>hello</p>"), "data/index.json": []byte(`{}`), "app.wasm": big}
	compressAll(files, nil)
	for _, name := range []string{"index.html", "data/index.json", "app.wasm"} {
		sum := sha256.Sum256(files[name])
		if unbrotliSum(files[name+".br"]) != sum || gunzipSum(files[name+".gz"]) != sum {
			t.Errorf("%s's siblings do not decompress to it", name)
		}
	}
}
