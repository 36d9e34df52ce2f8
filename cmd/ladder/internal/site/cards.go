package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io/fs"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/web"
)

// A share card is the picture a chat or a social site shows with a link to
// a role or a level (og:image): the role's title, the level's name and its
// place on the ladder, the family and the site's name, in the site's
// colours, big enough to read at the size a chat shows it. ladder build
// draws one per role and per level when the site has a base URL (og:image
// must be absolute), with golang.org/x/image's OpenType rasteriser and the
// Go fonts, which it embeds (docs/deploying.md says why these).

// cardsFolder is the site's folder of share cards.
const cardsFolder = "cards"

// The card's size, the one link previews show best (1.91:1).
const (
	cardWidth  = 1200
	cardHeight = 630
)

// cardDesign names the way cards are drawn. A card's file is named by a
// hash of what it shows and of cardDesign, so that an unchanged card is
// never drawn again and hosts keep it for good: change cardDesign with
// any change to the drawing (TestCardDesign fails until then).
const cardDesign = "1"

// The card's colours: the site's theme colour (style.css's --accent) as
// its ground, its page colour for the text, and the amber of its marks.
var (
	cardGround = color.RGBA{0x1d, 0x4f, 0x4a, 0xff}
	cardText   = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	cardMuted  = color.RGBA{0xb9, 0xd9, 0xd3, 0xff}
	cardMark   = color.RGBA{0xf2, 0xc1, 0x5a, 0xff}
	cardFaint  = color.RGBA{0x3d, 0x6f, 0x69, 0xff}
)

// card is what one card shows.
type card struct {
	role, level   string // ids: the level is empty on a role's card
	title, family string
	levelName     string
	rung, rungs   int // the level's place, 1 to rungs; 0 on a role's card
	first, last   string
}

// cardOfRole and cardOfLevel are the cards of a role's pages and of a
// level's. Their words are cut to maxCardText characters: a card has room
// for fewer, and laying out a title of any length would take time that
// grows with its square.
func cardOfRole(r *ladder.Role) card {
	c := card{role: r.ID, title: cardWords(r.Title), family: cardWords(r.Family), rungs: len(r.Levels)}
	if len(r.Levels) > 0 {
		c.first, c.last = cardWords(r.Levels[0].Name), cardWords(r.Levels[len(r.Levels)-1].Name)
	}
	return c
}

func cardOfLevel(r *ladder.Role, i int) card {
	c := cardOfRole(r)
	l := &r.Levels[i]
	c.level, c.title, c.levelName, c.rung = l.ID, cardWords(l.Title), cardWords(l.Name), i+1
	return c
}

// maxCardText is more characters than a card shows of any of its words.
const maxCardText = 200

func cardWords(s string) string {
	if r := []rune(s); len(r) > maxCardText {
		return string(r[:maxCardText])
	}
	return s
}

// file is the card's name in the site, which carries the hash of what it
// shows.
func (c card) file() string {
	h := sha256.New()
	for _, s := range []string{cardDesign, ui.Name, c.title, c.family, c.levelName, c.first, c.last, strconv.Itoa(c.rung), strconv.Itoa(c.rungs)} {
		fmt.Fprintf(h, "%s\x00", s)
	}
	sum := hex.EncodeToString(h.Sum(nil))[:web.HashLength]
	if c.level == "" {
		return cardsFolder + "/" + c.role + "." + sum + ".png"
	}
	return cardsFolder + "/" + c.role + "/" + c.level + "." + sum + ".png"
}

// alt is the card's text, for og:image:alt.
func (c card) alt() string {
	parts := []string{c.title}
	if c.rung > 0 {
		parts = append(parts, fmt.Sprintf("level %d of %d", c.rung, c.rungs))
	} else if c.rungs > 0 {
		parts = append(parts, plural(c.rungs, "level")+", "+c.first+" to "+c.last)
	}
	if c.family != "" {
		parts = append(parts, c.family)
	}
	return strings.Join(append(parts, ui.Name), " · ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// drawnCards keeps the cards this process drew, by file: the live preview
// builds the site again at every save.
var drawnCards sync.Map

// addCards puts every role's and level's card into files, taking each from
// this process's earlier builds or from earlier (the previous build in the
// output folder, or nil) when it is there, and drawing it otherwise, on
// every core. It returns the card of every page that has one, by path, and
// how many it drew.
func addCards(fw *ladder.Framework, earlier fs.FS, files map[string][]byte) (map[string]card, int, error) {
	byPath := map[string]card{}
	var todo []card
	for i := range fw.Roles {
		r := &fw.Roles[i]
		role := cardOfRole(r)
		byPath[ui.MovedPath(r.ID, ladder.Anchor{})] = role
		cards := []card{role}
		for j := range r.Levels {
			c := cardOfLevel(r, j)
			byPath[ui.MovedPath(r.ID, ladder.Anchor{Level: c.level})] = c
			cards = append(cards, c)
		}
		for _, c := range cards {
			name := c.file()
			if b, ok := drawnCards.Load(name); ok {
				files[name] = b.([]byte)
			} else if b, err := readEarlier(earlier, name); err == nil {
				files[name] = b
				drawnCards.Store(name, b)
			} else {
				todo = append(todo, c)
			}
		}
	}
	drawn := make([][]byte, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			d, err := newCardDrawer()
			for i := range next {
				if err != nil {
					errs[i] = err
					continue
				}
				drawn[i], errs[i] = d.draw(todo[i])
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, c := range todo {
		if errs[i] != nil {
			return nil, 0, fmt.Errorf("draw the card of %s: %w", c.title, errs[i])
		}
		files[c.file()] = drawn[i]
		drawnCards.Store(c.file(), drawn[i])
	}
	// The process keeps this build's cards only (builds take turns: see
	// building): a preview edited all day keeps one site's.
	drawnCards.Range(func(name, _ any) bool {
		if _, ok := files[name.(string)]; !ok {
			drawnCards.Delete(name)
		}
		return true
	})
	return byPath, len(todo), nil
}

func readEarlier(earlier fs.FS, name string) ([]byte, error) {
	if earlier == nil {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(earlier, name)
}

// cardFonts are the Go fonts, parsed once.
var cardFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	regular, err := opentype.Parse(goregular.TTF)
	return [2]*opentype.Font{bold, regular}, err
})

// cardDrawer draws cards, one at a time: its faces keep caches.
type cardDrawer struct {
	bold, regular *opentype.Font
	faces         map[string]font.Face
}

func newCardDrawer() (*cardDrawer, error) {
	f, err := cardFonts()
	if err != nil {
		return nil, err
	}
	return &cardDrawer{bold: f[0], regular: f[1], faces: map[string]font.Face{}}, nil
}

// face is the bold or regular font at size pixels.
func (d *cardDrawer) face(bold bool, size float64) (font.Face, error) {
	key := fmt.Sprint(bold, size)
	if f, ok := d.faces[key]; ok {
		return f, nil
	}
	f := d.regular
	if bold {
		f = d.bold
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	d.faces[key] = face
	return face, nil
}

// The card's layout, in pixels: the margin, the ladder at the right, and
// the text beside it.
const (
	cardMargin     = 80
	cardLadderW    = 170
	cardTextWidth  = cardWidth - 2*cardMargin - cardLadderW - 70
	cardTitleLines = 3
)

// draw draws c as a PNG.
func (d *cardDrawer) draw(c card) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, cardWidth, cardHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(cardGround), image.Point{}, draw.Src)
	small, err := d.face(false, 34)
	if err != nil {
		return nil, err
	}
	text := func(face font.Face, col color.Color, x, y int, s string) {
		(&font.Drawer{Dst: img, Src: image.NewUniform(col), Face: face, Dot: fixed.P(x, y)}).DrawString(s)
	}
	// The site's name above, the family below: what the link is from.
	text(small, cardMuted, cardMargin, cardMargin+26, ui.Name)
	if c.family != "" {
		text(small, cardMuted, cardMargin, cardHeight-cardMargin, fit(small, c.family, cardTextWidth))
	}
	// The title, as big as fits in three lines.
	var lines []string
	var title font.Face
	for _, size := range []float64{84, 76, 68, 60, 52} {
		if title, err = d.face(true, size); err != nil {
			return nil, err
		}
		if lines = wrap(title, c.title, cardTextWidth); len(lines) <= 2 || size == 52 {
			break
		}
	}
	if len(lines) > cardTitleLines {
		lines = append(lines[:cardTitleLines-1], fit(title, strings.Join(lines[cardTitleLines-1:], " "), cardTextWidth))
	}
	lineHeight := title.Metrics().Height.Ceil()
	y := 230
	for _, l := range lines {
		text(title, cardText, cardMargin, y, l)
		y += lineHeight
	}
	// The level's name and place, or the ladder's length.
	sub, err := d.face(false, 44)
	if err != nil {
		return nil, err
	}
	line := ""
	switch {
	case c.rung > 0:
		line = fmt.Sprintf("%s · level %d of %d", c.levelName, c.rung, c.rungs)
	case c.rungs > 0:
		line = fmt.Sprintf("%s, %s to %s", plural(c.rungs, "level"), c.first, c.last)
	}
	text(sub, cardMark, cardMargin, y+30, fit(sub, line, cardTextWidth))
	drawLadder(img, c)
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// drawLadder draws the ladder at the card's right: two rails and a rung per
// level, the card's level and those below it marked.
func drawLadder(img *image.RGBA, c card) {
	left := cardWidth - cardMargin - cardLadderW
	top, bottom := cardMargin, cardHeight-cardMargin
	fill := func(r image.Rectangle, col color.Color) {
		draw.Draw(img, r, image.NewUniform(col), image.Point{}, draw.Src)
	}
	const rail = 10
	fill(image.Rect(left, top, left+rail, bottom), cardFaint)
	fill(image.Rect(left+cardLadderW-rail, top, left+cardLadderW, bottom), cardFaint)
	n := max(c.rungs, 1)
	step := (bottom - top) / (n + 1)
	for i := 1; i <= n; i++ {
		y := bottom - i*step // the first rung at the bottom
		col := cardFaint
		if c.rung == 0 || i <= c.rung {
			col = cardMuted
		}
		if i == c.rung {
			col = cardMark
		}
		fill(image.Rect(left, y-7, left+cardLadderW, y+7), col)
	}
}

// wrap breaks s into lines no wider than width.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + w)
		if line != "" && font.MeasureString(face, try).Ceil() > width {
			lines = append(lines, line)
			try = w
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i := range lines {
		lines[i] = fit(face, lines[i], width) // a word wider than a line
	}
	return lines
}

// fit cuts s, with an ellipsis, to width.
func fit(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Ceil() <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(face, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}
