package app

import (
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func TestCountLine(t *testing.T) {
	for _, tt := range []struct {
		rows, changed int
		want          string
	}{
		{0, 0, "The two levels share no skill."},
		{3, 0, "No skill changes."},
		{1, 1, "1 of 1 skill changes."},
		{6, 1, "1 of 6 skills changes."},
		{6, 6, "6 of 6 skills change."},
	} {
		c := ladder.Comparison{Rows: make([]ladder.Row, tt.rows), Changed: tt.changed}
		if got := countLine(c); got != tt.want {
			t.Errorf("%d rows, %d changed: %q, want %q", tt.rows, tt.changed, got, tt.want)
		}
	}
}
