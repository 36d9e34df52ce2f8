package site

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
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
func Brotli(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
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
// has none yet,
// using every core: brotli's best quality takes about 20 s on app.wasm
// alone, which is why its result is also kept in a cache between builds.
func compressAll(files map[string][]byte) {
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
		if Compressible(name) && !(br && gz) {
			jobs = append(jobs, file{name, data})
		}
	}
	// Biggest first, so that app.wasm does not start last.
	slices.SortFunc(jobs, func(a, b file) int { return cmp.Compare(len(b.data), len(a.data)) })
	var mu sync.Mutex
	work := make(chan file)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				br, gz := cachedBrotli(f.data), Gzip(f.data)
				mu.Lock()
				files[f.name+".br"], files[f.name+".gz"] = br, gz
				mu.Unlock()
			}
		}()
	}
	for _, f := range jobs {
		work <- f
	}
	close(work)
	wg.Wait()
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
