package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/web"
)

// A careers site that moves to the explorer keeps its old addresses: every
// page's permalink, and the ids its headings had, which links in job posts,
// mails and search engines point at. The build writes, for each:
//   - a page at the old address that sends the visitor on, to the level or
//     skill the link's #id was about (web/static/loader.js does, from the
//     page's list), or to the role's page; without JavaScript, a refresh to
//     the role's page; and a visible link;
//   - the same as redirects a host answers itself (301s), for nginx
//     (nginxRedirectsFile, which web/nginx/ladder.conf includes) and in the
//     _redirects file several static hosts read. A redirect keeps the #id,
//     so a role's page carries the same list, for the ids its own page does
//     not have.

// The files of redirects for hosts. They are for the host, not for the
// browser: the worker does not keep them.
const (
	nginxRedirectsFile = "ladder-redirects.conf"
	hostRedirectsFile  = "_redirects"
)

// moved is an old address and where it went.
type moved struct {
	from  string // the old address, without the site's prefix
	to    string // the page now, with the prefix
	title string // what moved: a role's title, or the list of roles
	// anchors are the old page's heading ids with where each went.
	anchors []movedAnchor
}

type movedAnchor struct{ id, to string }

// movedPages lists the old addresses of fw: its index pages' permalinks,
// which go to the home page, and its roles'.
func movedPages(o *Options, fw *ladder.Framework) []moved {
	var out []moved
	for _, p := range fw.Permalinks {
		out = append(out, moved{from: p, to: o.path("/"), title: "Career pathways"})
	}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		if r.Permalink == "" {
			continue
		}
		m := moved{from: r.Permalink, to: o.path(ui.MovedPath(r.ID, ladder.Anchor{})), title: r.Title}
		for _, a := range r.Anchors {
			m.anchors = append(m.anchors, movedAnchor{a.ID, o.path(ui.MovedPath(r.ID, a))})
		}
		out = append(out, m)
	}
	return out
}

// oldNames are the addresses a host may be asked for an old page at, and
// the files it is written to, which hosts serve there: a permalink ending
// in / is that folder's index, or the page of its name (hosts add or take
// away the slash); one ending in .html is that file.
func oldNames(from string) (addrs, files []string) {
	if strings.HasSuffix(from, ".html") {
		return []string{from}, []string{strings.TrimPrefix(from, "/")}
	}
	dir := strings.TrimSuffix(from, "/")
	name := strings.TrimPrefix(dir, "/")
	return []string{dir + "/", dir, dir + "/index.html"}, []string{name + ".html", name + "/index.html"}
}

// addMoved writes the old addresses' pages and the hosts' redirect files
// into files, and returns the anchors each role's page lists, by the page's
// path. An old address that is a file of the site already, or one of its
// pages, is left to it, and said so in the log.
func addMoved(o *Options, fw *ladder.Framework, files map[string][]byte, pages map[string]bool) (map[string][]movedAnchor, error) {
	var nginx, hosts bytes.Buffer
	nginx.WriteString("# The careers site's old addresses, each a 301 to where it moved. Written\n# by ladder build; web/nginx/ladder.conf includes it.\n")
	hosts.WriteString("# The careers site's old addresses, each a 301 to where it moved. Written\n# by ladder build, for static hosts that read a _redirects file.\n")
	onRolePage := map[string][]movedAnchor{}
	for _, m := range movedPages(o, fw) {
		addrs, names := oldNames(m.from)
		if taken := takenName(files, pages, names); taken != "" {
			fmt.Fprintf(o.Log, "the old address %s is the site's %s already: it is not redirected\n", o.path(m.from), taken)
			continue
		}
		page, err := movedPage(o, m)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			files[name] = page
		}
		to := (&url.URL{Path: m.to}).EscapedPath() // an id may hold letters outside ASCII
		for _, a := range addrs {
			fmt.Fprintf(&nginx, "location = %s { return 301 %s; }\n", o.path(a), to)
			fmt.Fprintf(&hosts, "%s %s 301\n", o.path(a), to)
		}
		// The role's page lists the ids it does not have itself.
		for _, a := range m.anchors {
			if a.to != m.to+"#"+a.id {
				onRolePage[m.to] = append(onRolePage[m.to], a)
			}
		}
	}
	files[nginxRedirectsFile] = nginx.Bytes()
	files[hostRedirectsFile] = hosts.Bytes()
	return onRolePage, nil
}

// takenName returns the first of names that is a file or a page of the
// site, or that would have to be in a folder where the site has a file,
// or "".
func takenName(files map[string][]byte, pages map[string]bool, names []string) string {
	for _, n := range names {
		if _, ok := files[n]; ok || pages[n] {
			return n
		}
		for i := range len(n) {
			if n[i] == '/' {
				if _, ok := files[n[:i]]; ok || pages[n[:i]] {
					return n[:i]
				}
			}
		}
	}
	return ""
}

// movedTemplate is the list of where an old page's headings went, which the
// loader reads: the page left at the old address, with the page it goes to
// otherwise (to), and a role's page, without. quote writes an attribute's
// value with its quotes: as HTML, or as go-app writes its own for a page
// that fixMarkup mends (strconv.Quote).
func movedTemplate(to string, anchors []movedAnchor, quote func(string) string) string {
	var b strings.Builder
	b.WriteString(`<template id="moved"`)
	if to != "" {
		b.WriteString(` data-to=` + quote(to))
	}
	b.WriteString(">")
	for _, a := range anchors {
		b.WriteString(`<a data-from=` + quote(a.id) + ` href=` + quote(a.to) + `></a>`)
	}
	b.WriteString("</template>")
	return b.String()
}

// htmlQuote is an attribute's value as HTML, with its quotes.
func htmlQuote(s string) string { return `"` + template.HTMLEscapeString(s) + `"` }

var movedHTML = template.Must(template.New("moved").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta content="{{.Policy}}" http-equiv="Content-Security-Policy">
<meta content="width=device-width, initial-scale=1" name="viewport">
<title>{{.Title}} – {{.Site}}</title>
<link href="{{.Canonical}}" rel="canonical">
<noscript><meta content="0; url={{.To}}" http-equiv="refresh"></noscript>
<link href="{{.Style}}" rel="stylesheet">
{{.Anchors}}
<script defer src="{{.Loader}}"></script>
</head>
<body>
<main class="moved" id="main">
<h1>{{.Title}}</h1>
<p>This page has moved: <a href="{{.To}}">{{.Title}} in the {{.Site}}</a>.</p>
</main>
</body>
</html>
`))

// movedPage is the page left at an old address.
func movedPage(o *Options, m moved) ([]byte, error) {
	var b bytes.Buffer
	err := movedHTML.Execute(&b, map[string]any{
		"Policy":    web.PagePolicy,
		"Title":     m.title,
		"Site":      ui.Name,
		"Canonical": o.BaseURL + m.to,
		"To":        m.to,
		"Style":     o.path("/web/style.css"),
		"Anchors":   template.HTML(movedTemplate(m.to, m.anchors, htmlQuote)),
		"Loader":    o.path("/web/loader.js"),
	})
	if err != nil {
		return nil, fmt.Errorf("the page left at %s: %w", o.path(m.from), err)
	}
	return b.Bytes(), nil
}
