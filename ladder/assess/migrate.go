package assess

import "github.com/ladder-explorer/ladder/ladder"

// migrations[v-1] brings an assessment saved or exported at version v to
// version v+1. Load and Import run every step from a document's version to
// the current one, so a document of any past version reads as a current
// one. A step works on decoded assessments; one that renames or retypes a
// field would work on the raw JSON instead.
var migrations = []func(*ladder.Assessment){
	// 1 → 2: fingerprints fold typographic quotes, as the diff does. An
	// answer keeps the text it was made against, so its fingerprint is
	// worked out again from it; without this, every answer made against a
	// text with a ’ would read as made against another text.
	refingerprint,
}

// current is the version the migrations lead to: StoreVersion and Version.
const current = 2

// migrate brings a from version v to the current version.
func migrate(a *ladder.Assessment, v int) {
	for ; v >= 1 && v < current; v++ {
		migrations[v-1](a)
	}
}

func refingerprint(a *ladder.Assessment) {
	for id, ans := range a.Answers {
		if ans.Text != "" {
			ans.Fingerprint = ladder.Fingerprint(ans.Text)
			a.Answers[id] = ans
		}
	}
}
