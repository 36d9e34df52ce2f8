package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/web"
)

// TestDataFiles: every role has a file named with the hash of its bytes,
// which holds the role whole, and the index lists each with its file.
func TestDataFiles(t *testing.T) {
	fw := readContent(t)
	files, _, _, err := dataFiles(fw)
	if err != nil {
		t.Fatal(err)
	}
	var idx ui.Index
	if err := json.Unmarshal(files[ui.IndexFile], &idx); err != nil {
		t.Fatalf("the index: %v", err)
	}
	if len(idx.Roles) != len(fw.Roles) || len(files) != len(fw.Roles)+2 {
		t.Fatalf("%d roles in the index and %d files for %d roles, the search's and the index", len(idx.Roles), len(files), len(fw.Roles))
	}
	var places ui.SearchData
	if err := json.Unmarshal(files[idx.Search], &places); err != nil {
		t.Fatalf("the search's file %q: %v", idx.Search, err)
	}
	if !web.Immutable(idx.Search) || len(places.Docs) < len(fw.Roles) {
		t.Errorf("the search's file %s holds %d places for %d roles, or is not named with its hash", idx.Search, len(places.Docs), len(fw.Roles))
	}
	for i, e := range idx.Roles {
		b, ok := files[e.File]
		if !ok {
			t.Errorf("role %s: the index names %s, which is not written", e.ID, e.File)
			continue
		}
		sum := sha256.Sum256(b)
		if want := "data/roles/" + e.ID + "." + hex.EncodeToString(sum[:])[:web.HashLength] + ".json"; e.File != want {
			t.Errorf("role %s is in %s, want %s", e.ID, e.File, want)
		}
		var r ladder.Role
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		if !web.Immutable(e.File) {
			t.Errorf("%s is not a name hosts keep for good", e.File)
		}
		if r.ID != fw.Roles[i].ID || r.Intro.HTML != fw.Roles[i].Intro.HTML || len(r.Levels) != len(fw.Roles[i].Levels) {
			t.Errorf("%s does not hold the role %s whole", e.File, fw.Roles[i].ID)
		}
	}
}

// TestDataFilesFollowTheContent: a change in one role changes that role's
// file name and the index, and no other role's file.
func TestDataFilesFollowTheContent(t *testing.T) {
	fw := &ladder.Framework{Roles: []ladder.Role{
		{ID: "a", Title: "A", Levels: []ladder.Level{{ID: "one", Name: "One", Prose: ladder.Prose{Text: "first words"}}}},
		{ID: "b", Title: "B", Levels: []ladder.Level{{ID: "one", Name: "One", Prose: ladder.Prose{Text: "other words"}}}},
	}}
	before, _, _, err := dataFiles(fw)
	if err != nil {
		t.Fatal(err)
	}
	fw.Roles[0].Levels[0].Text = "first word"
	after, _, _, err := dataFiles(fw)
	if err != nil {
		t.Fatal(err)
	}
	var changed, kept []string
	for name := range after {
		if name == ui.IndexFile {
			continue
		}
		if _, ok := before[name]; !ok {
			changed = append(changed, name)
		} else if string(before[name]) != string(after[name]) {
			changed = append(changed, name+" (same name)")
		} else {
			kept = append(kept, name)
		}
	}
	slices.Sort(changed)
	if len(changed) != 2 || !strings.HasPrefix(changed[0], "data/roles/a.") || !strings.HasPrefix(changed[1], "data/search.") ||
		len(kept) != 1 || !strings.HasPrefix(kept[0], "data/roles/b.") {
		t.Errorf("after a change in role a: new or changed %q, kept %q; want a's file and the search's new, b's kept, the index changed", changed, kept)
	}
	if string(before[ui.IndexFile]) == string(after[ui.IndexFile]) {
		t.Error("the index did not change with a role's file name")
	}
}

// TestBuildAppIsTheSameForAnyContent: app.wasm does not depend on the
// content it shows.
func TestBuildAppIsTheSameForAnyContent(t *testing.T) {
	dir, _ := buildSite(t, Options{})
	other := filepath.Join(t.TempDir(), "site")
	fw := &ladder.Framework{Roles: []ladder.Role{{ID: "only", Title: "Only", Levels: []ladder.Level{{ID: "one", Name: "One", Title: "Only one"}}}}}
	if _, err := Build(context.Background(), fw, Options{Out: other}); err != nil {
		t.Fatal(err)
	}
	wasm := wasmFile(t, dir)
	if wasmFile(t, other) != wasm {
		t.Errorf("app.wasm's names differ between two contents")
	}
	if !web.Immutable(wasm) {
		t.Errorf("app.wasm's name %s does not carry its hash", wasm)
	}
	for _, name := range []string{wasm, wasm + ".br", "wasm_exec.js", "web/loader.js"} {
		a, errA := os.ReadFile(filepath.Join(dir, name))
		b, errB := os.ReadFile(filepath.Join(other, name))
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v %v", name, errA, errB)
		}
		if string(a) != string(b) {
			t.Errorf("%s differs between two contents", name)
		}
	}
}
