package ladder

import (
	"strings"
	"unicode"
)

// Slug turns a name into the identifier used in URLs: letters and digits
// lower-cased, apostrophes dropped, every other run of characters one hyphen,
// no hyphen at either end. "Security, privacy, and compliance" becomes
// "security-privacy-and-compliance", "Skylight’s values" "skylights-values".
// Letters outside ASCII are kept, so a name in any script keeps an
// identifier; a name with no letter or digit has the empty slug.
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	hyphen := false
	for _, r := range name {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ':
			// "Skylight’s" reads as one word. U+02BC is a letter to
			// package unicode, so this case comes first.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}
