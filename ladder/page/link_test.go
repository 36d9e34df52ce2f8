package page

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// linkCases are Markdown links and the anchor each must render to: the
// href and rel a browser gets, or no anchor at all ("") where the words stay
// and the link goes. Every encoding of a scheme that a browser, or goldmark
// on its way to the href, decodes is among them.
var linkCases = []struct {
	name, md, href, rel string
}{
	{"javascript", "[x](javascript:alert(1))", "", ""},
	{"javascript in capitals", "[x](JaVaScRiPt:alert(1))", "", ""},
	{"named entity colon", "[x](javascript&colon;alert(1))", "", ""},
	{"decimal entity colon", "[x](javascript&#58;alert(1))", "", ""},
	{"entity too long to be a colon", "[x](javascript&#0000058;alert(1))", "javascript%EF%BF%BDalert(1)", ""},
	{"hex entity colon", "[x](javascript&#x3A;alert(1))", "", ""},
	{"hex entity colon, capital X", "[x](javascript&#X3a;alert(1))", "", ""},
	{"entity letter", "[x](&#106;avascript:alert(1))", "", ""},
	{"named entity tab inside", "[x](java&Tab;script:alert(1))", "", ""},
	{"entity newline inside", "[x](java&#10;script:alert(1))", "", ""},
	{"entity newline before colon", "[x](javascript&NewLine;:alert(1))", "", ""},
	{"entity control first", "[x](&#1;javascript:alert(1))", "", ""},
	{"entity space first", "[x](&#32;javascript:alert(1))", "", ""},
	{"backslash-escaped colon", `[x](javascript\:alert(1))`, "", ""},
	{"percent-encoded colon", "[x](javascript%3Aalert(1))", "", ""},
	{"percent-encoded letter", "[x](%6Aavascript:alert(1))", "", ""},
	{"entity of a percent escape", "[x](javascript&#37;3Aalert(1))", "", ""},
	{"double entity", "[x](javascript&amp;colon;alert(1))", "", ""},
	{"tab in angle brackets", "[x](<java\tscript:alert(1)>)", "", ""},
	{"space in angle brackets", "[x](< javascript:alert(1)>)", "", ""},
	{"zero-width space", "[x](java\u200bscript:alert(1))", "", ""},
	{"fullwidth letter", "[x](ｊavascript:alert(1))", "", ""},
	{"data", "[x](data:text/html;base64,PHNjcmlwdD4=)", "", ""},
	{"data with entity", "[x](data&colon;text/html,%3Cscript%3Ealert(1)%3C/script%3E)", "", ""},
	{"vbscript with entity", "[x](vbscript&colon;msgbox(1))", "", ""},
	{"file", "[x](file:///etc/passwd)", "", ""},
	{"image", "![x](javascript&colon;alert(1))", "", ""},
	{"image with data", "![x](data&#58;image/svg+xml,%3Csvg%20onload=alert(1)%3E)", "", ""},
	{"reference definition", "[x][r]\n\n[r]: javascript&colon;alert(1)", "", ""},
	{"reference definition, hex", "[x][r]\n\n[r]: <javascript&#x3A;alert(1)>", "", ""},
	{"collapsed reference", "[x][]\n\n[x]: &#x6A;avascript:alert(1)", "", ""},
	{"autolink", "<javascript:alert(1)>", "", ""},
	{"autolink with entity", "<vbscript&colon;x>", "", ""},
	{"unknown scheme", "[x](chrome-extension://abc/)", "", ""},

	{"https", "[x](https://example.com/a?b=1)", "https://example.com/a?b=1", "noreferrer"},
	{"http in capitals", "[x](HTTP://EXAMPLE.COM/)", "HTTP://EXAMPLE.COM/", "noreferrer"},
	{"https with entity colon", "[x](https&colon;//example.com/)", "https://example.com/", "noreferrer"},
	{"scheme-relative", "[x](//example.com/)", "//example.com/", "noreferrer"},
	{"scheme-relative by backslash", `[x](/\example.com/)`, "/%5Cexample.com/", "noreferrer"},
	{"scheme-relative by entity", "[x](&#47;/example.com/)", "//example.com/", "noreferrer"},
	{"autolink https", "<https://example.org/>", "https://example.org/", "noreferrer"},
	{"mailto", "[x](mailto:jobs@example.com)", "mailto:jobs@example.com", ""},
	{"email autolink", "<jobs@example.com>", "mailto:jobs@example.com", ""},
	{"tel", "[x](tel:+44-20-7946-0000)", "tel:+44-20-7946-0000", ""},
	{"absolute path", "[x](/careers/)", "/careers/", ""},
	{"relative path", "[x](../other/)", "../other/", ""},
	{"path with a colon after a slash", "[x](./a:b)", "./a:b", ""},
	{"query with a scheme in it", "[x](?next=javascript:alert(1))", "?next=javascript:alert(1)", ""},
	{"fragment", "[x](#planning)", "#planning", ""},
	{"fullwidth colon", "[x](javascript：alert(1))", "javascript%EF%BC%9Aalert(1)", ""},
	{"image of the site", "![x](/img/logo.png)", "/img/logo.png", ""},
}

func TestLinks(t *testing.T) {
	for _, c := range linkCases {
		t.Run(c.name, func(t *testing.T) {
			prose, err := render(strings.Split(c.md, "\n"))
			if err != nil {
				t.Fatal(err)
			}
			anchors := anchorTag.FindAllStringSubmatch(prose.HTML, -1)
			if c.href == "" {
				if len(anchors) > 0 || !strings.Contains(prose.Text, "x") && !strings.Contains(c.md, "<") {
					t.Errorf("got %q, want the words without a link", prose.HTML)
				}
				return
			}
			if len(anchors) != 1 {
				t.Fatalf("got %q, want one link", prose.HTML)
			}
			if got := html.UnescapeString(anchors[0][1]); got != c.href {
				t.Errorf("href: got %q, want %q", got, c.href)
			}
			if got := html.UnescapeString(anchors[0][2]); got != c.rel {
				t.Errorf("rel: got %q, want %q", got, c.rel)
			}
		})
	}
}

// anchorTag matches the anchors render writes: their href and rel.
var anchorTag = regexp.MustCompile(`<a href="([^"]*)"(?: title="[^"]*")?(?: rel="([^"]*)")?>`)

// FuzzLinks renders arbitrary Markdown and reads every tag of the result as
// a browser would: no href or src may lead anywhere but to a relative URL or
// one of the schemes a page may link to, and no tag may carry an event
// handler or be one that runs or fetches anything.
func FuzzLinks(f *testing.F) {
	for _, c := range linkCases {
		f.Add(c.md)
	}
	f.Fuzz(func(t *testing.T, md string) {
		prose, _ := render(strings.Split(md, "\n"))
		for _, tag := range htmlTag.FindAllStringSubmatch(prose.HTML, -1) {
			if name := strings.ToLower(tag[1]); forbiddenTags[name] {
				t.Fatalf("a <%s> tag in %q", name, prose.HTML)
			}
			for _, attr := range htmlAttr.FindAllStringSubmatch(tag[2], -1) {
				name, value := strings.ToLower(attr[1]), attr[2]+attr[3]+attr[4]
				if strings.HasPrefix(name, "on") {
					t.Fatalf("an event handler %s in %q", name, prose.HTML)
				}
				if name != "href" && name != "src" {
					continue
				}
				switch scheme := browserScheme(html.UnescapeString(value)); scheme {
				case "", "http", "https", "mailto", "tel":
				default:
					t.Fatalf("a link a browser follows to the scheme %q: %s=%q in %q", scheme, name, value, prose.HTML)
				}
			}
		}
	})
}

var (
	htmlTag       = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>`)
	htmlAttr      = regexp.MustCompile(`([^\s"'>/=]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
	forbiddenTags = map[string]bool{"script": true, "img": true, "iframe": true, "object": true, "embed": true,
		"style": true, "link": true, "meta": true, "base": true, "form": true, "svg": true, "math": true, "video": true, "audio": true}
)

// browserScheme returns the scheme a browser reads in an attribute's value,
// as the URL standard's parser does: C0 controls and spaces trimmed from
// either end, tabs and newlines removed everywhere, then an ASCII letter and
// letters, digits, '+', '-' and '.' up to a colon. It returns "" for a URL
// without one, which is relative.
func browserScheme(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= 0x20 })
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(v[:i])
		default:
			return ""
		}
	}
	return ""
}
