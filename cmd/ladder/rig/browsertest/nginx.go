package browsertest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// nginxBin is Debian's nginx.
const nginxBin = "/usr/sbin/nginx"

// brotliModuleFile is the file of Debian's libnginx-mod-http-brotli-static.
const brotliModuleFile = "ngx_http_brotli_static_module.so"

// errAddrInUse says the port was taken between choosing it and binding it.
var errAddrInUse = errors.New("address already in use")

// Server is an nginx that [Nginx] started.
type Server struct {
	// URL is http://127.0.0.1:PORT, without a final slash.
	URL string
	// Brotli reports whether the brotli_static module is loaded. Without it
	// the brotli_static line of ladder.conf is left out, and .br files are
	// not served.
	Brotli bool
	// ErrorLog and AccessLog are nginx's logs, in the test's temp folder.
	ErrorLog, AccessLog string

	cmd  *exec.Cmd
	done chan struct{} // closed when nginx has exited
	once sync.Once
}

// Nginx serves the folder root with Debian's nginx and the repository's
// web/nginx/ladder.conf, as a static host would, on a free port of
// 127.0.0.1. It waits until nginx answers. nginx stops when the test ends,
// or earlier with [Server.Stop]. It fails the test when nginx is missing,
// and skips it with -short.
func Nginx(t testing.TB, root string) *Server {
	t.Helper()
	return nginx(t, root, "")
}

// NginxPrefix serves a site built with --prefix the way ladder.conf's
// comment says to: a copy of the site in the folder prefix of the root
// (nginx refuses symlinks), and the error page under the prefix.
func NginxPrefix(t testing.TB, site, prefix string) *Server {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the nginx test in -short mode")
	}
	www := t.TempDir()
	if err := os.CopyFS(filepath.Join(www, filepath.FromSlash(prefix)), os.DirFS(site)); err != nil {
		t.Fatal(err)
	}
	return nginx(t, www, prefix)
}

func nginx(t testing.TB, root, prefix string) *Server {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the nginx test in -short mode")
	}
	if _, err := os.Stat(nginxBin); err != nil {
		t.Fatalf("no nginx at %s: %v; %s", nginxBin, err, depsHint)
	}
	root, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	build := nginxBuild()
	module := build.brotliModule()
	if module == "" {
		t.Logf("nginx: no %s (%s); serving without brotli_static", brotliModuleFile, depsHint)
	}
	snippet, err := siteSnippet(dir, filepath.Join(root, filepath.FromSlash(prefix)), prefix, module != "")
	if err != nil {
		t.Fatal(err)
	}
	var last error
	for range 5 {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		s, err := startNginx(dir, root, snippet, module, build, port)
		if err == nil {
			t.Cleanup(func() {
				s.Stop()
				if t.Failed() {
					if log, err := os.ReadFile(s.ErrorLog); err == nil && len(log) > 0 {
						t.Logf("nginx error log:\n%s", log)
					}
				}
			})
			return s
		}
		last = err
		if !errors.Is(err, errAddrInUse) {
			break
		}
	}
	t.Fatalf("start nginx: %v", last)
	return nil
}

// Stop stops nginx and returns once it has exited; the second call does
// nothing. It asks for a graceful stop first, but a browser's idle
// preconnected socket would hold that for a minute, so after a moment it
// stops nginx at once, and kills it as a last resort.
func (s *Server) Stop() {
	s.once.Do(func() {
		pid := s.cmd.Process.Pid
		for _, step := range []struct {
			pid  int // negative: nginx's whole process group, workers too
			sig  syscall.Signal
			wait time.Duration
		}{
			{pid, syscall.SIGQUIT, 250 * time.Millisecond},
			{pid, syscall.SIGTERM, 2 * time.Second},
			{-pid, syscall.SIGKILL, 2 * time.Second},
		} {
			_ = syscall.Kill(step.pid, step.sig)
			select {
			case <-s.done:
				return
			case <-time.After(step.wait):
			}
		}
	})
}

// startNginx starts nginx on port and waits, at most ten seconds, until it
// answers. It returns errAddrInUse when the port is taken.
func startNginx(dir, root, snippet, module string, build nginxInfo, port int) (*Server, error) {
	s := &Server{
		URL:       fmt.Sprintf("http://127.0.0.1:%d", port),
		Brotli:    module != "",
		ErrorLog:  filepath.Join(dir, "error.log"),
		AccessLog: filepath.Join(dir, "access.log"),
		done:      make(chan struct{}),
	}
	conf := filepath.Join(dir, "nginx.conf")
	text := mainConfig(dir, root, snippet, module, port, build, os.Geteuid() == 0)
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		return nil, err
	}
	_ = os.Remove(s.ErrorLog) // a failed attempt's log would mislead
	var stderr bytes.Buffer
	s.cmd = exec.Command(nginxBin, "-p", dir+"/", "-e", s.ErrorLog, "-c", conf)
	s.cmd.Stdout = &stderr
	s.cmd.Stderr = &stderr
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("run %s: %w", nginxBin, err)
	}
	go func() {
		_ = s.cmd.Wait()
		close(s.done)
	}()
	client := &http.Client{Timeout: time.Second}
	attempt := 0
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			log, _ := os.ReadFile(s.ErrorLog)
			out := strings.TrimSpace(stderr.String() + "\n" + string(log))
			if strings.Contains(out, "Address already in use") {
				return nil, fmt.Errorf("port %d: %w", port, errAddrInUse)
			}
			return nil, fmt.Errorf("nginx exited: %s\n%s", s.cmd.ProcessState, out)
		default:
		}
		// nginx retries a taken port for seconds before it gives up.
		if log, _ := os.ReadFile(s.ErrorLog); bytes.Contains(log, []byte("Address already in use")) {
			s.Stop()
			return nil, fmt.Errorf("port %d: %w", port, errAddrInUse)
		}
		probe := fmt.Sprintf("/?browsertest-probe=%d-%d", port, attempt)
		attempt++
		if resp, err := client.Get(s.URL + probe); err == nil {
			resp.Body.Close()
			// Another server may have taken the port between freePort and
			// nginx's bind, and answer while nginx retries it: only an
			// answer that our nginx logged counts.
			if s.logged(probe) {
				return s, nil
			}
			s.Stop()
			return nil, fmt.Errorf("port %d answered by another server: %w", port, errAddrInUse)
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.Stop()
	log, _ := os.ReadFile(s.ErrorLog)
	return nil, fmt.Errorf("nginx did not answer on %s in 10s\n%s%s", s.URL, stderr.String(), log)
}

// logged reports whether nginx's access log holds a request for path,
// waiting up to a second: nginx writes the line once the answer is sent.
func (s *Server) logged(path string) bool {
	want := []byte(" " + path + " ")
	for range 20 {
		if log, _ := os.ReadFile(s.AccessLog); bytes.Contains(log, want) {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// freePort returns a port of 127.0.0.1 that nobody listens on right now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// mainConfig returns nginx.conf for one test: everything nginx writes stays
// in dir, and the server block is the site's snippet and nothing else.
func mainConfig(dir, root, snippet, module string, port int, build nginxInfo, asRoot bool) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	in := func(name string) string { return quote(filepath.Join(dir, name)) }
	p("# Written by browsertest.Nginx for one test.")
	p("daemon off;")
	p("master_process on;")
	p("worker_processes 1;") // see hostperf: the host is measured on one core too
	if asRoot {
		// Workers would switch to www-data, which cannot read t.TempDir().
		p("user root;")
	}
	p("pid %s;", in("nginx.pid"))
	p("error_log %s warn;", in("error.log"))
	if module != "" {
		p("load_module %s;", quote(module))
	}
	p("events { worker_connections 256; }")
	p("http {")
	p("    include /etc/nginx/mime.types;")
	p("    default_type application/octet-stream;")
	p("    types_hash_max_size 2048;")
	p("    sendfile on;") // as Debian's nginx.conf
	p("    tcp_nopush on;")
	p("    access_log %s;", in("access.log"))
	p("    client_body_temp_path %s;", in("client_body"))
	for _, m := range []string{"proxy", "fastcgi", "uwsgi", "scgi"} {
		if build.has(m) {
			p("    %s_temp_path %s;", m, in(m))
		}
	}
	p("    server {")
	p("        listen 127.0.0.1:%d;", port)
	p("        server_name localhost;")
	p("        root %s;", quote(root))
	p("        include %s;", quote(snippet))
	p("    }")
	p("}")
	return b.String()
}

// quote makes s one nginx configuration token.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// siteSnippet writes into dir the copy of web/nginx/ladder.conf for the
// site in the folder site, as its comments say to make one: the include
// of the site's redirects names that folder's file (an empty one when the
// site has none: not every test's site is a build); under a prefix, the
// error page carries it; without the brotli module, its line goes.
func siteSnippet(dir, site, prefix string, brotli bool) (string, error) {
	text, err := os.ReadFile(filepath.Join(repoRoot(), "web", "nginx", "ladder.conf"))
	if err != nil {
		return "", fmt.Errorf("the site's nginx configuration: %w", err)
	}
	redirects := filepath.Join(site, redirectsFile)
	if _, err := os.Stat(redirects); err != nil {
		redirects = filepath.Join(dir, redirectsFile)
		if err := os.WriteFile(redirects, nil, 0o644); err != nil {
			return "", err
		}
	}
	edits := []struct{ line, with string }{{"include " + defaultRedirects + ";", "include " + quote(redirects) + ";"}}
	if prefix != "" {
		edits = append(edits, struct{ line, with string }{"error_page 404 /404.html;", "error_page 404 " + prefix + "/404.html;"})
	}
	if !brotli {
		edits = append(edits, struct{ line, with string }{"brotli_static on;", "# brotli_static: no module"})
	}
	for _, e := range edits {
		if !bytes.Contains(text, []byte(e.line)) {
			return "", fmt.Errorf("ladder.conf has no %q to change", e.line)
		}
		text = bytes.Replace(text, []byte(e.line), []byte(e.with), 1)
	}
	out := filepath.Join(dir, "ladder.conf")
	return out, os.WriteFile(out, text, 0o644)
}

// redirectsFile is the site's redirects for nginx, which ladder build
// writes and ladder.conf includes from defaultRedirects, the site's folder
// in its example.
const (
	redirectsFile    = "ladder-redirects.conf"
	defaultRedirects = "/srv/ladder/" + redirectsFile
)

// nginxInfo is what `nginx -V` says about the build.
type nginxInfo struct {
	prefix, modules string
	without         []string // modules configured out, such as "uwsgi"
}

// nginxBuild reads `nginx -V`, with Debian's paths as the fallback.
func nginxBuild() nginxInfo {
	info := nginxInfo{prefix: "/usr/share/nginx", modules: "/usr/lib/nginx/modules"}
	out, _ := exec.Command(nginxBin, "-V").CombinedOutput()
	for _, f := range strings.Fields(string(out)) {
		switch {
		case strings.HasPrefix(f, "--prefix="):
			info.prefix = strings.TrimPrefix(f, "--prefix=")
		case strings.HasPrefix(f, "--modules-path="):
			info.modules = strings.TrimPrefix(f, "--modules-path=")
		case strings.HasPrefix(f, "--without-http_") && strings.HasSuffix(f, "_module"):
			info.without = append(info.without, strings.TrimSuffix(strings.TrimPrefix(f, "--without-http_"), "_module"))
		}
	}
	return info
}

// has reports whether the build has the http module m.
func (n nginxInfo) has(m string) bool {
	for _, w := range n.without {
		if w == m {
			return false
		}
	}
	return true
}

// loadModuleLine finds the module file in a load_module line.
var loadModuleLine = regexp.MustCompile(`(?m)^\s*load_module\s+"?([^";\s]+)"?\s*;`)

// brotliModule returns the brotli_static module's file, or "" when it is
// not installed. Debian's package puts it in /usr/lib/nginx/modules and says
// so, relative to nginx's prefix, in a .conf that /etc/nginx/modules-enabled
// links to; another build may only have the .conf.
func (n nginxInfo) brotliModule() string {
	candidates := []string{
		filepath.Join(n.modules, brotliModuleFile),
		filepath.Join("/usr/lib/nginx/modules", brotliModuleFile),
	}
	var confs []string
	for _, pattern := range []string{
		"/etc/nginx/modules-enabled/*brotli*",
		"/usr/share/nginx/modules-available/*brotli*",
	} {
		found, _ := filepath.Glob(pattern)
		confs = append(confs, found...)
	}
	for _, c := range confs {
		text, err := os.ReadFile(c)
		if err != nil {
			continue
		}
		for _, m := range loadModuleLine.FindAllStringSubmatch(string(text), -1) {
			if !strings.Contains(m[1], "brotli_static") {
				continue
			}
			path := m[1]
			if !filepath.IsAbs(path) {
				path = filepath.Join(n.prefix, path)
			}
			candidates = append(candidates, path)
		}
	}
	for _, c := range candidates {
		if info, err := os.Stat(c); err == nil && info.Mode().IsRegular() {
			return c
		}
	}
	return ""
}
