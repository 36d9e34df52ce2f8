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
// over the old one), and needs no dependency. A change is acted on once
// the next look finds it settled, 100 to 200 ms after the save: that
// leaves most of a second for the rebuild and the reload.
const PollInterval = 100 * time.Millisecond

// stamp is what Watch compares of a file: a save changes one or the other.
type stamp struct {
	size int64
	mod  time.Time
}

// Watch calls changed once, then each time the files under dir differ
// from the last build (a file saved, added, removed or renamed), until
// ctx is done. A folder that cannot be read counts as a change, so that
// the rebuild says what is wrong. Calls are one at a time: a save made
// while changed runs is seen at the next look.
func Watch(ctx context.Context, dir string, every time.Duration, changed func()) {
	w := watcher{built: look(dir)}
	changed()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if w.settled(look(dir)) {
			changed()
		}
	}
}

// watcher decides, look after look, when the folder has changed and
// settled. A save in place is a truncation then a write, and an editor may
// write a page in several steps: a look between them sees a page cut
// short. So a change counts only when two looks in a row agree, and the
// rebuild reads the page once, whole, instead of twice, once broken.
type watcher struct {
	built map[string]stamp // the files as the last call saw them
	seen  map[string]stamp // the look before this one, if it differed from built
}

// settled takes the next look and says whether to call changed now.
func (w *watcher) settled(now map[string]stamp) bool {
	switch {
	case maps.Equal(now, w.built):
		w.seen = nil // changed and changed back: nothing to build
		return false
	case w.seen == nil || !maps.Equal(now, w.seen):
		w.seen = now // still moving: wait for the next look
		return false
	}
	w.built, w.seen = now, nil
	return true
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
