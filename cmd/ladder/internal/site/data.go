package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/search"
	"github.com/ladder-explorer/ladder/web"
)

// dataFiles returns the content as the app reads it: a file per role,
// named with the hash of its bytes, the search's places (ui.SearchData),
// named the same way, and the index of every role's outline and file,
// which names the search's file too (see ui.IndexFile); and each role's
// file by the role's ID, and the search's file.
func dataFiles(fw *ladder.Framework) (files map[string][]byte, roleFiles map[string]string, searchFile string, err error) {
	files, roleFiles = map[string][]byte{}, map[string]string{}
	idx := ui.Index{Families: fw.Families, Roles: []ui.IndexRole{}}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		b, err := json.Marshal(r)
		if err != nil {
			return nil, nil, "", fmt.Errorf("encode role %q: %w", r.ID, err)
		}
		name := "data/roles/" + hashedName(r.ID, ".json", b)
		files[name], roleFiles[r.ID] = b, name
		idx.Roles = append(idx.Roles, ui.NewIndexRole(r, name))
	}
	b, err := json.Marshal(ui.SearchData{Docs: search.Docs(fw)})
	if err != nil {
		return nil, nil, "", fmt.Errorf("encode the search's places: %w", err)
	}
	idx.Search = "data/" + hashedName("search", ".json", b)
	files[idx.Search] = b
	b, err = json.Marshal(idx)
	if err != nil {
		return nil, nil, "", fmt.Errorf("encode the data index: %w", err)
	}
	files[ui.IndexFile] = b
	return files, roleFiles, idx.Search, nil
}

// hashedName is base+ext with the hash of b between them: a name that
// holds these bytes and no others, which hosts may cache for good.
func hashedName(base, ext string, b []byte) string {
	sum := sha256.Sum256(b)
	return base + "." + hex.EncodeToString(sum[:])[:web.HashLength] + ext
}
