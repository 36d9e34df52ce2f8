package assess

import "strings"

// Day is the date part of an RFC 3339 time.
func Day(t string) string {
	d, _, _ := strings.Cut(t, "T")
	return d
}
