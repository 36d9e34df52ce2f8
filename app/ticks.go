package app

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The level slider's tick labels: each level's name on one line, under
// its step. A ladder's names fit under its steps above some width of the
// slider, which depends on how many levels it has and how long their names
// are; below it, each label shows a short form of its name, and the full
// name is still what a screen reader announces.
//
// The page has no script to measure with until the app runs, and its
// policy allows no style attribute, so the app estimates that width from
// the names and writes it as data-fit, one of tickWidths; the stylesheet
// has a container query for each of them (web/static/style.css, "Level and
// its slider"). The estimate errs wide: it takes the names as set in a wide
// sans-serif.

// The slider's measures, in rem, as the stylesheet sets them: the labels'
// font size, the space kept between two labels, half of the slider's thumb
// (the first and last steps are that far in from the track's ends), how
// far beside the track the labels at the ends may start (into the box's
// padding), and a label's least width (a 24 px tap target).
const (
	tickFont  = 0.9
	tickGap   = 0.5
	tickHalf  = 0.5
	tickOut   = 0.5
	tickLeast = 1.5
)

// tickWidths are the slider widths, in rem, that data-fit takes; a ladder
// that needs more than the last gets "always". They run from a 280 px
// phone's to the page's widest.
var tickWidths = []int{16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44}

// tickLink is a level's tick: a link to the level. Where the name has a
// short form, the link holds both, the short one hidden from screen
// readers, and the stylesheet shows one (see ticksFit).
func tickLink(name, href string, current bool) app.UI {
	a := attrs{"href", href}
	if current {
		a = append(a, "aria-current", "page")
	}
	short := shortName(name)
	if short == name {
		return txt("a", a, name)
	}
	return el("a", a,
		txt("span", attrs{"class", "tick-full"}, name),
		txt("span", attrs{"class", "tick-short", "aria-hidden", "true"}, short),
	)
}

// ticksFit is the data-fit of a ladder's names: the narrowest of
// tickWidths at which they all fit under their steps, "always" when none
// does (the short forms then show at every width), and "" when the names
// are their own short forms.
func ticksFit(names []string) string {
	short := false
	for _, n := range names {
		short = short || shortName(n) != n
	}
	if !short {
		return ""
	}
	need := ticksNeed(names)
	for _, w := range tickWidths {
		if need <= float64(w) {
			return strconv.Itoa(w)
		}
	}
	return "always"
}

// ticksNeed is the narrowest slider track, in rem, under which the labels
// fit: the first and last pinned to the box's edges, each other centred on
// its step, and tickGap between any two.
func ticksNeed(names []string) float64 {
	n := len(names)
	if n < 2 {
		return 0
	}
	w := make([]float64, n)
	for i, name := range names {
		w[i] = max(textWidth(name)*tickFont, tickLeast)
	}
	if n == 2 {
		return w[0] + w[1] + tickGap - 2*tickOut
	}
	// The space between two steps that every pair of neighbours needs.
	step := max(w[0]+w[1]/2, w[n-2]/2+w[n-1]) + tickGap - tickOut - tickHalf
	for i := 1; i+2 < n; i++ {
		step = max(step, (w[i]+w[i+1])/2+tickGap)
	}
	return 2*tickHalf + float64(n-1)*step
}

// textWidth is an estimate of the width of s, in em, in a sans-serif
// that is wide for one (DejaVu Sans): generous, so that a name taken to
// fit does.
func textWidth(s string) float64 {
	var w float64
	for _, r := range s {
		switch {
		case strings.ContainsRune("iljIft.,:;'!|() ", r):
			w += 0.36
		case strings.ContainsRune("mwMW", r):
			w += 0.98
		case unicode.IsUpper(r), unicode.IsDigit(r):
			w += 0.74
		case r < utf8.RuneSelf:
			w += 0.64
		default:
			w += 1.0 // other scripts: as wide as a CJK character
		}
	}
	return w
}

// shortWords are the short forms of words that the rule of shortWord
// would cut badly.
var shortWords = map[string]string{"associate": "Assoc.", "assistant": "Asst.", "manager": "Mgr."}

// shortName is the short form of a level's name, word by word (see
// shortWord): "Associate" gives "Assoc.", "Principal" "Princ.", "Senior
// staff" "Sen. staff"; "Staff", "II" and "3" are kept.
func shortName(name string) string {
	words := strings.Split(name, " ")
	for i, w := range words {
		parts := strings.Split(w, "-")
		for j, part := range parts {
			parts[j] = shortWord(part)
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// shortWord is a word of more than five letters cut after its first
// syllable (its first consonants, vowels and the consonants after them),
// to three to five letters and a dot: "Principal" gives "Princ.",
// "Engineer" "Eng.", "Distinguished" "Dist.". Shorter words are kept.
func shortWord(w string) string {
	r := []rune(w)
	if len(r) <= 5 {
		return w
	}
	if s, ok := shortWords[strings.ToLower(w)]; ok {
		if unicode.IsLower(r[0]) {
			return strings.ToLower(s)
		}
		return s
	}
	vowel := func(c rune) bool {
		return strings.ContainsRune("aeiouyAEIOUYàâäéèêëîïôöùûüÀÂÄÉÈÊËÎÏÔÖÙÛÜ", c)
	}
	i := 0
	for i < len(r) && !vowel(r[i]) {
		i++
	}
	for i < len(r) && vowel(r[i]) {
		i++
	}
	for i < len(r) && !vowel(r[i]) {
		i++
	}
	cut := min(max(i, 3), 5)
	if cut >= len(r)-1 {
		return w // the short form would be no shorter
	}
	return string(r[:cut]) + "."
}
