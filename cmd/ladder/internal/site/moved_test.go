package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/page"
)

// movedContent is a careers site's index and one role, with headings that
// give kramdown's numbered ids.
func movedContent(t *testing.T) *ladder.Framework {
	t.Helper()
	files := []page.File{
		{Path: "index.md", Data: []byte("---\npermalink: /careers/career-pathways/\n---\n\n### Engineering\n\n- [Test engineer](/careers/career-pathways/test-engineer/)\n")},
		{Path: "test_engineer.md", Data: []byte(`---
title: Test engineer
permalink: /careers/career-pathways/test-engineer/
levels:
  - Associate
  - Senior
---

Tests things.

### Required skills

#### Automation

You automate.

#### Exploratory testing

You explore.

## Test engineer career pathway

### Associate test engineer

{% include role_level.html level='associate' %}

#### Skills needed for this level

##### Automation

You learn to automate.

##### Exploratory testing

You follow charters.

### Senior test engineer

{% include role_level.html level='senior' %}

#### Skills needed for this level

##### Automation

You lead automation.

##### Exploratory testing

You write charters.
`)},
	}
	fw, diags := page.Read(files)
	if ladder.HasErrors(diags) {
		t.Fatalf("the content has errors: %v", diags)
	}
	return fw
}

var movedLink = regexp.MustCompile(`<a data-from="([^"]*)" href="([^"]*)"></a>`)

// TestMoved checks the pages left at the old addresses, the hosts'
// redirects and the list a role's page carries, at the root and under a
// prefix.
func TestMoved(t *testing.T) {
	for _, prefix := range []string{"", "/sub"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			o := &Options{Prefix: prefix, BaseURL: "https://careers.example.org"}
			if err := o.Check(); err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			onRole, err := addMoved(o, movedContent(t), files, map[string]bool{})
			if err != nil {
				t.Fatal(err)
			}
			role := prefix + "/roles/test-engineer"
			// The old page is at the permalink's two names, which hosts
			// serve with and without the final slash.
			for _, name := range []string{"careers/career-pathways/test-engineer.html", "careers/career-pathways/test-engineer/index.html"} {
				html := string(files[name])
				for _, want := range []string{
					`<link href="https://careers.example.org` + role + `" rel="canonical">`,
					`<noscript><meta content="0; url=` + role + `" http-equiv="refresh"></noscript>`,
					`<template id="moved" data-to="` + role + `">`,
					`<a href="` + role + `">Test engineer in the Ladder explorer</a>`,
					`<script defer src="` + prefix + `/web/loader.js"></script>`,
					`<title>Test engineer – Ladder explorer</title>`,
				} {
					if !strings.Contains(html, want) {
						t.Errorf("%s lacks %s:\n%s", name, want, html)
					}
				}
				if strings.Count(html, "<script") != 1 {
					t.Errorf("%s has a script of its own", name)
				}
				links := map[string]string{}
				for _, m := range movedLink.FindAllStringSubmatch(html, -1) {
					links[m[1]] = m[2]
				}
				for id, want := range map[string]string{
					"automation":                     role + "#automation",
					"associate-test-engineer":        role + "/associate",
					"skills-needed-for-this-level-1": role + "/senior",
					"automation-1":                   role + "/associate#automation",
					"exploratory-testing-2":          role + "/senior#exploratory-testing",
					"test-engineer-career-pathway":   role,
				} {
					if links[id] != want {
						t.Errorf("%s sends #%s to %q, want %q", name, id, links[id], want)
					}
				}
			}
			if home := string(files["careers/career-pathways/index.html"]); !strings.Contains(home, `data-to="`+prefix+`/"`) {
				t.Errorf("the index's old page does not go home:\n%s", home)
			}
			// The role's page lists only the ids it has not itself.
			var ids []string
			for _, a := range onRole[role] {
				ids = append(ids, a.id)
			}
			if got := " " + strings.Join(ids, " ") + " "; strings.Contains(got, " automation ") || !strings.Contains(got, " senior-test-engineer ") || !strings.Contains(got, " required-skills ") {
				t.Errorf("the role's page lists %s", got)
			}
			for file, want := range map[string][]string{
				nginxRedirectsFile: {
					"location = " + prefix + "/careers/career-pathways/test-engineer/ { return 301 " + role + "; }",
					"location = " + prefix + "/careers/career-pathways/test-engineer { return 301 " + role + "; }",
					"location = " + prefix + "/careers/career-pathways/ { return 301 " + prefix + "/; }",
				},
				hostRedirectsFile: {
					prefix + "/careers/career-pathways/test-engineer/ " + role + " 301",
					prefix + "/careers/career-pathways/test-engineer/index.html " + role + " 301",
					prefix + "/careers/career-pathways " + prefix + "/ 301",
				},
			} {
				for _, line := range want {
					if !bytes.Contains(files[file], []byte("\n"+line+"\n")) {
						t.Errorf("%s lacks %q:\n%s", file, line, files[file])
					}
				}
			}
		})
	}
}

// TestMovedLeavesTheSiteAlone checks that an old address that is a page or
// a file of the site stays that page, and the build says so.
func TestMovedLeavesTheSiteAlone(t *testing.T) {
	var log bytes.Buffer
	o := &Options{Log: &log}
	if err := o.Check(); err != nil {
		t.Fatal(err)
	}
	fw := movedContent(t)
	fw.Roles[0].Permalink = "/roles/test-engineer/"
	fw.Permalinks = []string{"/web/", "/app.js/"}
	files := map[string][]byte{"web/index.html": []byte("a file"), "app.js": []byte("a script")}
	if _, err := addMoved(o, fw, files, map[string]bool{"roles/test-engineer.html": true}); err != nil {
		t.Fatal(err)
	}
	if string(files["web/index.html"]) != "a file" || files["roles/test-engineer.html"] != nil || files["roles/test-engineer/index.html"] != nil {
		t.Errorf("an old address replaced a file or page of the site")
	}
	if string(files["app.js"]) != "a script" || files["app.js.html"] != nil {
		t.Errorf("an old address was written beside, or in place of, a file of the site")
	}
	for _, want := range []string{
		"/roles/test-engineer/ is the site's roles/test-engineer.html already",
		"/web/ is the site's web/index.html already",
		"/app.js/ is the site's app.js already",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
	if bytes.Contains(files[nginxRedirectsFile], []byte("location")) || bytes.Contains(files[hostRedirectsFile], []byte(" 301\n")) {
		t.Errorf("redirects written for addresses left alone:\n%s\n%s", files[nginxRedirectsFile], files[hostRedirectsFile])
	}
}
