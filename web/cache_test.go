package web

import "testing"

func TestImmutable(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"data/roles/devops-engineer.0123456789.json", true},
		{"web/app.abcdef0123.wasm", true},
		{"/data/roles/a.b.0123456789.json", true},
		{"data/index.json", false},
		{"web/app.wasm", false},
		{"data/roles/x.012345678.json", false},   // nine digits
		{"data/roles/x.0123456789a.json", false}, // eleven
		{"data/roles/x.012345678G.json", false},
		{"data/roles/x.012345678A.json", false}, // upper case
		{"data/roles/.0123456789.json", false},  // no name before the hash
		{"roles/devops-engineer/senior.html", false},
	}
	for _, tt := range tests {
		if got := Immutable(tt.name); got != tt.want {
			t.Errorf("Immutable(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
