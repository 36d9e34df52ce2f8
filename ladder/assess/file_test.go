package assess

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func hasDevops(id string) bool { return id == "devops-engineer" }

func sample() []ladder.Assessment {
	return []ladder.Assessment{{
		ID: "a1", Name: "Before review, Nov 2026", Role: "devops-engineer",
		Created: "2026-11-01T10:00:00Z", Updated: "2026-11-02T10:00:00Z", Target: "senior",
		Answers: map[string]ladder.Answer{"continuous-delivery": {Level: "ii", Note: "Pipelines — “blue-green” next", Skill: "Continuous delivery", Text: "t", Fingerprint: "f"}},
	}}
}

func TestExportImportRoundTrip(t *testing.T) {
	data := Export(sample(), "2026-11-26T11:00:00Z")
	got, err := Import(data, hasDevops)
	if err != nil {
		t.Fatal(err)
	}
	if again := Export(got, "2026-11-26T11:00:00Z"); !bytes.Equal(again, data) {
		t.Errorf("export, import, export is not stable:\n%s\n%s", data, again)
	}
	if empty, err := Import(Export(nil, "now"), hasDevops); err != nil || len(empty) != 0 {
		t.Errorf("an empty export: %v, %v", empty, err)
	}
}

func TestImportRefuses(t *testing.T) {
	good := string(Export(sample(), "now"))
	longNote := strings.Replace(good, "Pipelines — “blue-green” next", strings.Repeat("é", ladder.MaxNote+1), 1)
	tests := []struct {
		name, data string
		want       Problem
	}{
		{"too big", good + strings.Repeat(" ", MaxFile), Problem{Code: FileTooBig, N: len(good) + MaxFile, Limit: MaxFile}},
		{"not text", "\xff\xfe{}", Problem{Code: FileNotText}},
		{"not JSON", "name,level\nme,senior\n", Problem{Code: FileNotJSON, Detail: "at byte 2: invalid character 'a' in literal null (expecting 'u')"}},
		{"truncated", good[:len(good)/2], Problem{Code: FileNotJSON, Detail: "at byte " + strconv.Itoa(len(good)/2) + ": unexpected end of JSON input"}},
		{"another JSON", `{"hello": "world"}`, Problem{Code: FileNotExport}},
		{"a JSON array", `[1, 2]`, Problem{Code: FileNotJSON, Detail: " should be struct { Schema *string \"json:\\\"schema\\\"\"; Version *int \"json:\\\"version\\\"\" }"}},
		{"no version", `{"schema": "ladder-explorer/assessments"}`, Problem{Code: FileNoVersion}},
		{"newer version", replaceOnce(t, good, fileVersion, `"version": 7`), Problem{Code: FileNewer, N: 7, Limit: Version}},
		{"version zero", replaceOnce(t, good, fileVersion, `"version": 0`), Problem{Code: FileBadFormat}},
		{"unknown field", strings.Replace(good, `"exported"`, `"secret": 1, "exported"`, 1), Problem{Code: FileDamaged, Detail: `json: unknown field "secret"`}},
		{"unknown field in an assessment", strings.Replace(good, `"target"`, `"goal": "x", "target"`, 1), Problem{Code: FileDamaged, Detail: `json: unknown field "goal"`}},
		{"unknown field in an answer", strings.Replace(good, `"note"`, `"notes": "lost?", "note"`, 1), Problem{Code: FileDamaged, Detail: `json: unknown field "notes"`}},
		{"wrong type", strings.Replace(good, `"target": "senior"`, `"target": 3`, 1), Problem{Code: FileDamaged, Detail: "assessments.target should be string"}},
		{"unknown role", strings.Replace(good, `"role": "devops-engineer"`, `"role": "astronaut"`, 1), Problem{Code: FileNoRole, Name: "Before review, Nov 2026", Role: "astronaut"}},
		{"no id", strings.Replace(good, `"id": "a1"`, `"id": " "`, 1), Problem{Code: FileNoID, Name: "Before review, Nov 2026"}},
		{"note too long", longNote, Problem{Code: FileLongNote, Name: "Before review, Nov 2026", Skill: "continuous-delivery", N: ladder.MaxNote + 1, Limit: ladder.MaxNote}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Import([]byte(tt.data), hasDevops)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("Import = %v, %v; want an ImportError", got, err)
			}
			if ie.Problem != tt.want {
				t.Errorf("Import refused with %+v, want %+v", ie.Problem, tt.want)
			}
			if got != nil {
				t.Errorf("a refused file still gave %d assessments", len(got))
			}
		})
	}
}

func FuzzImport(f *testing.F) {
	f.Add(Export(sample(), "now"))
	f.Add([]byte(`{"schema":"ladder-explorer/assessments","version":1,"assessments":[{"id":"x","role":"devops-engineer","answers":null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, err := Import(data, hasDevops)
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Problem.Code == "" {
				t.Fatalf("Import error %v is not an ImportError with a problem", err)
			}
			return
		}
		for _, a := range as {
			if a.Role != "devops-engineer" || a.Answers == nil {
				t.Fatalf("Import let through %+v", a)
			}
		}
	})
}
