package site

import (
	"strings"
	"testing"

	ui "github.com/ladder-explorer/ladder/app"
)

func TestFixMarkup(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sorts attributes", `<a id="x" class="y" href="/z">t</a>`, `<a class="y" href="/z" id="x">t</a>`},
		{"escapes a quote go-app wrote with a backslash", `<meta content="say \"hi\" & <go>">`, `<meta content="say &#34;hi&#34; &amp; &lt;go&gt;">`},
		{"keeps bare attributes", `<script defer src="/a.js"></script>`, `<script defer src="/a.js"></script>`},
		{"keeps unicode", `<p title="Level – “I”">x</p>`, `<p title="Level – “I”">x</p>`},
		{"leaves comments, doctype and end tags", "<!DOCTYPE html>\n<!-- c --></p>", "<!DOCTYPE html>\n<!-- c --></p>"},
		{"copies content HTML as it is, without markers",
			`<div class="prose">` + ui.ProseStart + `<a href="/x?a=1&amp;b=\n" title="&quot;">q</a>` + ui.ProseEnd + `</div>`,
			`<div class="prose"><a href="/x?a=1&amp;b=\n" title="&quot;">q</a></div>`},
		{"text is left alone", `a &amp; b`, `a &amp; b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fixMarkup([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("fixMarkup(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFixMarkupRefusesWhatGoAppDoesNotWrite(t *testing.T) {
	for _, in := range []string{
		`<a href='x'>`,
		`<a href="x>`,
		`<a href=x>`,
		`<div`,
		`< p>`,
		`<!-- open`,
		`<div>` + ui.ProseStart + `no end`,
		`<a href="\q">`,
	} {
		if got, err := fixMarkup([]byte(in)); err == nil {
			t.Errorf("fixMarkup(%q) = %q, want an error", in, got)
		}
	}
}

func TestOptionsCheck(t *testing.T) {
	tests := []struct {
		name          string
		in            Options
		wantErr       string
		wantPrefix    string
		wantBase, out string
	}{
		{name: "defaults", in: Options{Out: "o"}},
		{name: "prefix loses its trailing slash", in: Options{Out: "o", Prefix: "/sub/"}, wantPrefix: "/sub"},
		{name: "nested prefix", in: Options{Out: "o", Prefix: "/a/b-c_d.e~"}, wantPrefix: "/a/b-c_d.e~"},
		{name: "base URL loses its trailing slash", in: Options{Out: "o", BaseURL: "https://x.org/"}, wantBase: "https://x.org"},
		{name: "no output folder: only Build needs one", in: Options{}},
		{name: "relative prefix", in: Options{Out: "o", Prefix: "sub"}, wantErr: "starting with /"},
		{name: "dot-dot prefix", in: Options{Out: "o", Prefix: "/a/../b"}, wantErr: "letters, digits"},
		{name: "double slash prefix", in: Options{Out: "o", Prefix: "//a"}, wantErr: "letters, digits"},
		{name: "prefix with a quote", in: Options{Out: "o", Prefix: `/a"b`}, wantErr: "letters, digits"},
		{name: "ftp base", in: Options{Out: "o", BaseURL: "ftp://x.org"}, wantErr: "http or https"},
		{name: "base with a path", in: Options{Out: "o", BaseURL: "https://x.org/careers"}, wantErr: "--prefix"},
		{name: "base with no host", in: Options{Out: "o", BaseURL: "https://"}, wantErr: "want a host"},
		{name: "base with a user", in: Options{Out: "o", BaseURL: "https://me@x.org"}, wantErr: "want a host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.in
			err := o.Check()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("check() = %v, want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if o.Prefix != tt.wantPrefix || o.BaseURL != tt.wantBase {
				t.Errorf("prefix, base = %q, %q; want %q, %q", o.Prefix, o.BaseURL, tt.wantPrefix, tt.wantBase)
			}
		})
	}
}

func TestPageFilesAndURLs(t *testing.T) {
	root, sub := &Options{}, &Options{Prefix: "/sub"}
	tests := []struct{ page, file, url, subURL string }{
		{"/", "index.html", "/", "/sub/"},
		{"/404.html", "404.html", "/404.html", "/sub/404.html"},
		{"/roles/a", "roles/a.html", "/roles/a", "/sub/roles/a"},
		{"/roles/a/b", "roles/a/b.html", "/roles/a/b", "/sub/roles/a/b"},
	}
	for _, tt := range tests {
		file := pageFile(tt.page)
		if file != tt.file {
			t.Errorf("pageFile(%q) = %q, want %q", tt.page, file, tt.file)
		}
		if got := fileURL(root, file); got != tt.url {
			t.Errorf("fileURL(%q) = %q, want %q", file, got, tt.url)
		}
		if got := fileURL(sub, file); got != tt.subURL {
			t.Errorf("fileURL(%q) under /sub = %q, want %q", file, got, tt.subURL)
		}
	}
	if got, want := fileURL(sub, "web/app.wasm"), "/sub/web/app.wasm"; got != want {
		t.Errorf("fileURL(web/app.wasm) = %q, want %q", got, want)
	}
}
