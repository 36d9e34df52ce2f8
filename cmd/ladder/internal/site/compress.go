package site

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"math/bits"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions of files that get .br and .gz siblings;
// PNG is compressed already.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".json": true, ".webmanifest": true,
	".svg": true, ".wasm": true, ".txt": true, ".xml": true,
}

// Compressible reports whether a file of this name gets precompressed
// siblings.
func Compressible(name string) bool { return compressible[path.Ext(name)] }

// Brotli compresses b at brotli's best quality, as hosts will send it.
func Brotli(b []byte) []byte { return brotliAt(b, brotli.BestCompression) }

// siteQuality is brotli's quality for the site's pages and data. Quality
// 10 and 11 search matches with zopfli, 7 to 20 times as long as 9: on the
// corpus's 228 pages and data files, quality 9 takes 0.3 s of one core
// where 10 takes 2.2 s and 11 6.4 s, for 14% more bytes than 10 (a level
// page: 2,687 B against 2,351 B, and 2,257 B at 11). That is what keeps a
// build of the corpus, from a new folder, well under two seconds (about
// 1.3 s here, against 2.0 to 2.8 s at quality 10 on the same machine);
// readers pay about a third of a kilobyte a page. app.wasm, compressed
// once and carried by the binary, keeps the best quality.
const siteQuality = 9

// brotliAt compresses b at quality, with a window no bigger than b needs:
// brotli's match finder clears tables the window's size for every file,
// which on small pages costs more than compressing them.
func brotliAt(b []byte, quality int) []byte {
	var buf bytes.Buffer
	window := min(max(bits.Len(uint(len(b))), 10), 24) // brotli's bounds
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: window})
	_, _ = w.Write(b) // writes to memory cannot fail
	_ = w.Close()
	return buf.Bytes()
}

// Gzip compresses b at gzip's best level.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// compressAll adds a .br and a .gz sibling to every compressible file that
// has none yet. A file whose bytes are those of the same file in the
// previous build (prev, which may be nil) takes that build's siblings, when
// they still decompress to it: a rebuild compresses only what changed. The
// rest is compressed using every core.
func compressAll(files map[string][]byte, prev fs.FS) {
	// Every file to compress, with its bytes, taken before the workers
	// start adding to the map: no one reads the map while they do.
	type file struct {
		name string
		data []byte
	}
	var jobs []file
	for name, data := range files {
		_, br := files[name+".br"]
		_, gz := files[name+".gz"]
		if !Compressible(name) || br && gz {
			continue
		}
		if br, gz, ok := previousSiblings(prev, name, data); ok {
			files[name+".br"], files[name+".gz"] = br, gz
			continue
		}
		jobs = append(jobs, file{name, data})
	}
	// Biggest first, so that app.wasm does not start last.
	slices.SortFunc(jobs, func(a, b file) int { return cmp.Compare(len(b.data), len(a.data)) })
	var mu sync.Mutex
	work := make(chan file)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			// One gzip writer per worker: a new one clears a megabyte.
			gzipper, _ := gzip.NewWriterLevel(nil, gzip.BestCompression)
			for f := range work {
				var gz bytes.Buffer
				gzipper.Reset(&gz)
				_, _ = gzipper.Write(f.data)
				_ = gzipper.Close()
				br := siteBrotli(f.data)
				mu.Lock()
				files[f.name+".br"], files[f.name+".gz"] = br, gz.Bytes()
				mu.Unlock()
			}
		})
	}
	for _, f := range jobs {
		work <- f
	}
	close(work)
	wg.Wait()
}

// siteBrotli compresses a file of the site: big files (app.wasm, when it
// is compiled for this build) at the best quality, through the cache, the
// others at siteQuality.
func siteBrotli(b []byte) []byte {
	if len(b) >= cacheMin {
		return cachedBrotli(b)
	}
	return brotliAt(b, siteQuality)
}

// previousSiblings returns the .br and .gz siblings of name in the previous
// build if its copy of name there has the bytes data and both siblings
// decompress to them.
func previousSiblings(prev fs.FS, name string, data []byte) (br, gz []byte, ok bool) {
	if prev == nil {
		return nil, nil, false
	}
	old, err := fs.ReadFile(prev, name)
	if err != nil || !bytes.Equal(old, data) {
		return nil, nil, false
	}
	br, errBr := fs.ReadFile(prev, name+".br")
	gz, errGz := fs.ReadFile(prev, name+".gz")
	if errBr != nil || errGz != nil {
		return nil, nil, false
	}
	sum := sha256.Sum256(data)
	if unbrotliSum(br) != sum || gunzipSum(gz) != sum {
		return nil, nil, false
	}
	return br, gz, true
}

// cacheMin is the size from which brotli's output is worth caching.
const cacheMin = 256 << 10

// cachedBrotli is Brotli, remembered in the user's cache folder for big
// inputs. Any trouble with the cache only costs the time to compress.
func cachedBrotli(b []byte) []byte {
	if len(b) < cacheMin {
		return Brotli(b)
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir() // no home folder, as on some CI machines
	}
	sum := sha256.Sum256(b)
	file := filepath.Join(dir, "ladder-explorer", "br-"+hex.EncodeToString(sum[:])+".br")
	if out, err := os.ReadFile(file); err == nil && unbrotliSum(out) == sum {
		return out
	}
	out := Brotli(b)
	if os.MkdirAll(filepath.Dir(file), 0o755) == nil {
		tmp := file + ".tmp" + hex.EncodeToString(sum[:4])
		if os.WriteFile(tmp, out, 0o644) == nil {
			_ = os.Rename(tmp, file)
		}
	}
	return out
}

// unbrotliSum is the SHA-256 of what b decompresses to, so that a damaged
// cache entry is never used.
func unbrotliSum(b []byte) [32]byte {
	h := sha256.New()
	if _, err := io.Copy(h, brotli.NewReader(bytes.NewReader(b))); err != nil {
		return [32]byte{}
	}
	return [32]byte(h.Sum(nil))
}

// gunzipSum is unbrotliSum for gzip.
func gunzipSum(b []byte) [32]byte {
	h := sha256.New()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return [32]byte{}
	}
	if _, err := io.Copy(h, r); err != nil {
		return [32]byte{}
	}
	return [32]byte(h.Sum(nil))
}
