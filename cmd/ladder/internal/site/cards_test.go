package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/draw"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ladder-explorer/ladder/ladder"
)

// decodeCard decodes a card and checks its size.
func decodeCard(t *testing.T, name string, b []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := img.Bounds().Size(); got != image.Pt(cardWidth, cardHeight) {
		t.Errorf("%s is %v, want %dx%d", name, got, cardWidth, cardHeight)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
	return rgba
}

// TestCards draws the bundled role's cards: one for the role and one per
// level, 1200x630, each different; a build that changes nothing takes them
// from the earlier build and draws none; a changed title draws that card
// alone.
func TestCards(t *testing.T) {
	drawnCards.Clear()
	fw := readContent(t)
	files := map[string][]byte{}
	byPath, drawn, err := addCards(fw, nil, files)
	if err != nil {
		t.Fatal(err)
	}
	r := &fw.Roles[0]
	if want := 1 + len(r.Levels); drawn != want || len(byPath) != want {
		t.Fatalf("drew %d cards for %d pages, want %d", drawn, len(byPath), want)
	}
	pixels := map[string]string{}
	for path, c := range byPath {
		b := files[c.file()]
		if b == nil {
			t.Fatalf("%s: no %s", path, c.file())
		}
		sum := sha256.Sum256(decodeCard(t, c.file(), b).Pix)
		if other, seen := pixels[hex.EncodeToString(sum[:])]; seen {
			t.Errorf("%s and %s have the same card", path, other)
		}
		pixels[hex.EncodeToString(sum[:])] = path
	}
	senior := byPath["/roles/devops-engineer/senior"]
	if !strings.HasPrefix(senior.file(), "cards/devops-engineer/senior.") || senior.alt() != "Senior DevOps engineer · level 4 of 6 · Ladder explorer" {
		t.Errorf("the senior card: %s, %q", senior.file(), senior.alt())
	}

	// Again, from the earlier build: nothing is drawn.
	drawnCards.Clear()
	earlier := fstest.MapFS{}
	for name, b := range files {
		earlier[name] = &fstest.MapFile{Data: b}
	}
	again := map[string][]byte{}
	if _, drawn, err = addCards(fw, earlier, again); err != nil || drawn != 0 {
		t.Errorf("a build that changes nothing drew %d cards (%v)", drawn, err)
	}
	for name, b := range files {
		if !bytes.Equal(again[name], b) {
			t.Errorf("%s differs from the earlier build's", name)
		}
	}

	// A level's new title changes its card's name: it alone is drawn.
	r.Levels[3].Title = "Senior DevOps engineer (lead)"
	drawnCards.Clear()
	changed := map[string][]byte{}
	byPath, drawn, err = addCards(fw, earlier, changed)
	if err != nil || drawn != 1 {
		t.Errorf("a changed title drew %d cards (%v), want 1", drawn, err)
	}
	if name := byPath["/roles/devops-engineer/senior"].file(); name == senior.file() || changed[name] == nil {
		t.Errorf("the changed card is %s, as before or missing", name)
	}
}

// TestCardsOfAnyTitle draws cards of titles a page may give, however long,
// in one word or many, or odd: each is a card of the right size.
func TestCardsOfAnyTitle(t *testing.T) {
	d, err := newCardDrawer()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{strings.Repeat("W", 1<<20), strings.Repeat("word ", 1<<18), "\x00\u202e<script>", "Ingénieure logicielle 日本語", ""} {
		r := &ladder.Role{ID: "r", Title: title, Family: title, Levels: []ladder.Level{{ID: "l", Name: title, Title: title}}}
		for _, c := range []card{cardOfRole(r), cardOfLevel(r, 0)} {
			b, err := d.draw(c)
			if err != nil {
				t.Fatalf("%.20q: %v", title, err)
			}
			decodeCard(t, c.file(), b)
		}
	}
}

// TestCardDesign holds the drawing to cardDesign: a card's file name says
// what it shows and how it is drawn, and hosts keep it for good. After a
// change to the drawing, this fails until cardDesign changes and its
// pixels are recorded in cardPixels.
func TestCardDesign(t *testing.T) {
	d, err := newCardDrawer()
	if err != nil {
		t.Fatal(err)
	}
	c := card{role: "r", level: "l", title: "Senior test engineer", family: "Engineering", levelName: "Senior", rung: 3, rungs: 5, first: "Associate", last: "Principal"}
	b, err := d.draw(c)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(decodeCard(t, "the card", b).Pix)
	if got := hex.EncodeToString(sum[:])[:16]; got != cardPixels[cardDesign] {
		t.Errorf("design %q draws pixels %s, recorded %q: if the drawing changed, change cardDesign and record its pixels", cardDesign, got, cardPixels[cardDesign])
	}
}

// cardPixels are the hashes of TestCardDesign's card's pixels, by design.
var cardPixels = map[string]string{"1": "550454a9f190f31a"}
