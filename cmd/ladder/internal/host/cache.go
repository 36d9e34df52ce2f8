package host

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

const (
	// maxBody is the largest file kept in memory; bigger ones are streamed
	// from disk, with only their ETag cached.
	maxBody = 16 << 20
	// maxCache bounds the bodies kept in memory altogether (a cache's
	// limit); past it, new files are streamed too.
	maxCache = 256 << 20
)

// entry is what is known of one file (a page, or one of its precompressed
// siblings) at one size and modification time.
type entry struct {
	size int64
	mod  time.Time
	// file is the Stat of the file read: with size and time, its identity
	// (device and inode) tells a file renamed into place from the one it
	// replaced, whose size and time, to the kernel's clock tick, it can
	// share.
	file fs.FileInfo
	etag string // strong: a hash of the file's bytes, which are the bytes sent
	body []byte // the whole file, or nil when it is streamed from disk
}

// cached reports whether the body is in memory.
func (e *entry) cached() bool { return e.body != nil }

// reader reads the cached body.
func (e *entry) reader() io.ReadSeeker { return bytes.NewReader(e.body) }

// fresh reports whether e still describes the file whose Stat is info: a
// rebuilt site is picked up without a restart.
func (e *entry) fresh(info fs.FileInfo) bool {
	return e.size == info.Size() && e.mod.Equal(info.ModTime()) && os.SameFile(e.file, info)
}

// cache holds entries by file name, so a file is read and hashed once per
// version, not once per request. It is safe for concurrent use.
type cache struct {
	entries sync.Map // file name → *entry; loads take no lock

	mu    sync.Mutex // serialises stores, so total stays exact
	total int64      // bytes of the bodies held
	limit int64      // the most total may be
}

// open returns the entry for name, whose Stat is info. When the entry's
// body is not cached, f is the open file to stream and close.
func (c *cache) open(root *os.Root, name string, info fs.FileInfo) (e *entry, f *os.File, err error) {
	if e := c.get(name, info); e != nil && e.cached() {
		return e, nil, nil
	}
	f, err = root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	// Describe the file that was opened, not the one that was looked at.
	if info, err = f.Stat(); err == nil {
		if e = c.get(name, info); e == nil {
			// A file is checked once, before it is first read.
			if !visible(root, name) {
				err = fmt.Errorf("%s: %w", name, fs.ErrNotExist)
			} else {
				e, err = c.fill(name, f, info)
			}
		}
	}
	if err != nil || e.cached() {
		f.Close()
		f = nil
	}
	return e, f, err
}

// get returns the entry for name if it is fresh, else nil.
func (c *cache) get(name string, info fs.FileInfo) *entry {
	v, ok := c.entries.Load(name)
	if !ok {
		return nil
	}
	e := v.(*entry)
	if !e.fresh(info) {
		return nil
	}
	return e
}

// fill reads and hashes f, the file name whose Stat is info, and stores
// the result. A big file is hashed as a stream and rewound, to be served
// from disk.
func (c *cache) fill(name string, f *os.File, info fs.FileInfo) (*entry, error) {
	e := &entry{size: info.Size(), mod: info.ModTime(), file: info}
	if e.size > maxBody {
		sum := sha256.New()
		if _, err := io.Copy(sum, f); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("rewind %s: %w", name, err)
		}
		e.etag = etag(sum.Sum(nil))
	} else {
		e.body = make([]byte, e.size)
		if _, err := io.ReadFull(f, e.body); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		sum := sha256.Sum256(e.body)
		e.etag = etag(sum[:])
	}
	c.store(name, e)
	return e, nil
}

// store keeps e for name, without its body if the budget is spent. The
// caller may still send e's body this once.
func (c *cache) store(name string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.entries.Load(name); ok {
		c.total -= int64(len(v.(*entry).body))
	}
	if c.total+int64(len(e.body)) > c.limit {
		e = &entry{size: e.size, mod: e.mod, file: e.file, etag: e.etag}
	}
	c.total += int64(len(e.body))
	c.entries.Store(name, e)
}

// etag quotes the first half of a SHA-256 sum: 128 bits tell versions of
// a file apart as well as 256.
func etag(sum []byte) string {
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}
