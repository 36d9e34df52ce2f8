package site

import (
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strings"
)

// Options say what to build and where it will be published.
type Options struct {
	// Out is the folder the site is written to. It is replaced as a whole,
	// and only if it is empty or holds an earlier build.
	Out string
	// BaseURL is the public origin, such as "https://careers.example.org",
	// written into canonical links and og:url.
	BaseURL string
	// Prefix is the path the site is served under, such as "/ladders", or
	// empty for the root.
	Prefix string
	// Go is the go command that compiles app.wasm; empty means "go".
	Go string
	// App are the files of the app itself, as App returns them; nil means
	// the build finds them.
	App map[string][]byte
	// Log receives a line per step; nil discards them.
	Log io.Writer

	wasm string // app.wasm's name in the site, which carries its hash
	// search is the search's file, which the worker keeps when search is
	// first used, not with the offline copy it makes at install.
	search string
	// earlier is the previous build in Out, which lends the share cards
	// that did not change, or nil.
	earlier fs.FS
}

// Check normalises the options and says what is wrong with them, Out
// aside: only Build needs one.
func (o *Options) Check() error {
	if o.Go == "" {
		o.Go = "go"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if err := o.checkBaseURL(); err != nil {
		return err
	}
	return o.checkPrefix()
}

func (o *Options) checkBaseURL() error {
	o.BaseURL = strings.TrimSuffix(o.BaseURL, "/")
	if o.BaseURL == "" {
		return nil
	}
	u, err := url.Parse(o.BaseURL)
	switch {
	case err != nil:
		return fmt.Errorf("base URL %q: %v", o.BaseURL, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("base URL %q: want an http or https address", o.BaseURL)
	case u.Host == "" || u.User != nil:
		return fmt.Errorf("base URL %q: want a host, such as https://careers.example.org", o.BaseURL)
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("base URL %q: give the origin only; a path goes in --prefix", o.BaseURL)
	}
	return nil
}

func (o *Options) checkPrefix() error {
	p := strings.TrimSuffix(o.Prefix, "/")
	if p == "" {
		o.Prefix = ""
		return nil
	}
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("prefix %q: want a path starting with /, such as /ladders", o.Prefix)
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "" || seg == "." || seg == ".." || strings.Trim(seg, safePathChars) != "" {
			return fmt.Errorf("prefix %q: use letters, digits and - . _ ~ between slashes", o.Prefix)
		}
	}
	o.Prefix = p
	return nil
}

const safePathChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"

// path returns a site path as the browser sees it: under the prefix. The
// home page under a prefix is "/prefix/", where the installed app starts.
func (o *Options) path(p string) string {
	if o.Prefix != "" && p == "/" {
		return o.Prefix + "/"
	}
	return o.Prefix + p
}
