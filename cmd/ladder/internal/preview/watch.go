package preview

import (
	"context"
	"io/fs"
	"maps"
	"path/filepath"
	"time"
)

// PollInterval is how often Watch looks at the content folder. Polling a
// folder of pages costs a few stat calls, works the same on every system
// and with every editor's way of saving (in place, or a new file renamed
// over the old one), and needs no dependency; at 200 ms it leaves most of
// a second for the rebuild and the reload.
const PollInterval = 200 * time.Millisecond

// stamp is what Watch compares of a file: a save changes one or the other.
type stamp struct {
	size int64
	mod  time.Time
}

// Watch calls changed once, then each time the files under dir differ
// from the last look (a file saved, added, removed or renamed), until ctx
// is done. A folder that cannot be read counts as a change, so that the
// rebuild says what is wrong. Calls are one at a time: a save made while
// changed runs is seen at the next look.
func Watch(ctx context.Context, dir string, every time.Duration, changed func()) {
	last := look(dir)
	changed()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := look(dir)
		if !maps.Equal(now, last) {
			last = now
			changed()
		}
	}
}

// look returns the stamp of every file under dir, by path; a folder that
// cannot be read has the one entry "": it differs from any readable look,
// and not from the next unreadable one.
func look(dir string) map[string]stamp {
	files := map[string]stamp{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // gone since the folder was read: the next look sees it
		}
		files[p] = stamp{info.Size(), info.ModTime()}
		return nil
	})
	if err != nil {
		return map[string]stamp{"": {}}
	}
	return files
}
