package host

import (
	"os"
	"sync/atomic"
	"time"
)

// recheckRoot is how often Dir is checked for having been replaced.
const recheckRoot = time.Second

// root is the site's folder, open as an os.Root so that no name can lead
// out of it. An open folder is a fixed folder: a build that deletes Dir
// and writes a new one, or renames a new one into place, would leave it
// serving the old, perhaps empty, folder until a restart. So at most every
// recheckRoot, root compares Dir with the folder it has open and reopens
// it if they differ.
type root struct {
	dir     string
	every   time.Duration
	current atomic.Pointer[os.Root]
	checked atomic.Int64 // when Dir was last compared, in Unix nanoseconds
}

// openRoot opens dir.
func openRoot(dir string) (*root, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	rt := &root{dir: dir, every: recheckRoot}
	rt.current.Store(r)
	rt.checked.Store(time.Now().UnixNano())
	return rt, nil
}

// get returns the open folder, reopening Dir first if it was replaced.
// One request at a time does the check; the others go on with the folder
// they have.
func (rt *root) get() *os.Root {
	now := time.Now().UnixNano()
	last := rt.checked.Load()
	if now-last >= int64(rt.every) && rt.checked.CompareAndSwap(last, now) {
		rt.reopen()
	}
	return rt.current.Load()
}

// reopen opens Dir again if it is no longer the open folder. While Dir is
// missing, the old folder is kept. The old os.Root is not closed, as
// requests may still be using it; its finalizer closes it.
func (rt *root) reopen() {
	info, err := os.Stat(rt.dir)
	if err != nil || !info.IsDir() {
		return
	}
	if open, err := rt.current.Load().Stat("."); err == nil && os.SameFile(info, open) {
		return
	}
	if r, err := os.OpenRoot(rt.dir); err == nil {
		rt.current.Store(r)
	}
}
