package host

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startServe runs Serve on 127.0.0.1:0 and returns its base URL and the
// channel its result arrives on.
func startServe(t *testing.T, ctx context.Context, h http.Handler) (url string, done <-chan error) {
	t.Helper()
	urls := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, "127.0.0.1:0", h, discard, func(u string) { urls <- u }) }()
	select {
	case url = <-urls:
		return url, errc
	case err := <-errc:
		t.Fatalf("Serve returned before ready: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve was not ready after 10s")
	}
	return "", nil
}

// wait returns what arrives on done, failing after 15 s.
func wait(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(15 * time.Second):
		t.Fatal("Serve did not return after 15s")
		return nil
	}
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h := newHandler(t, Config{Dir: writeSite(t, site), Prefix: "/sub"})
	url, done := startServe(t, ctx, h)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/sub/") {
		t.Errorf("ready(%q), want http://127.0.0.1:PORT/sub/", url)
	}
	resp, err := http.Get(url + "roles/devops-engineer")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if got, want := string(body), site["roles/devops-engineer.html"]; resp.StatusCode != 200 || got != want {
		t.Errorf("GET: %s %q, want 200 %q", resp.Status, got, want)
	}
	cancel()
	if err := wait(t, done); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
}

func TestServeFinishesRequestsInFlight(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	url, done := startServe(t, ctx, slow)
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get(url)
		if err != nil {
			got <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		got <- string(body)
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Serve = %v with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if body := <-got; body != "done" {
		t.Errorf("the request in flight got %q, want %q", body, "done")
	}
	if err := wait(t, done); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
}

func TestServeListenError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	called := false
	err = Serve(context.Background(), ln.Addr().String(), http.NotFoundHandler(), nil, func(string) { called = true })
	if err == nil {
		t.Fatal("Serve on a busy port = nil, want an error")
	}
	if called {
		t.Error("ready was called though Serve could not listen")
	}
}

func TestServerLimits(t *testing.T) {
	srv := newServer(http.NotFoundHandler(), discard)
	tests := []struct {
		name      string
		got, want time.Duration
	}{
		{name: "ReadHeaderTimeout", got: srv.ReadHeaderTimeout, want: 5 * time.Second},
		{name: "ReadTimeout", got: srv.ReadTimeout, want: 30 * time.Second},
		{name: "WriteTimeout", got: srv.WriteTimeout, want: 120 * time.Second},
		{name: "IdleTimeout", got: srv.IdleTimeout, want: 60 * time.Second},
		{name: "shutdown timeout", got: shutdownTimeout, want: 10 * time.Second},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if got, want := srv.MaxHeaderBytes, 16<<10; got != want {
		t.Errorf("MaxHeaderBytes = %d, want %d", got, want)
	}
	if srv.ErrorLog == nil {
		t.Error("ErrorLog is nil, want the server's errors in the log")
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct {
		name   string
		addr   string
		prefix string
		want   string
	}{
		{name: "a loopback address", addr: "127.0.0.1:8080", want: "http://127.0.0.1:8080/"},
		{name: "with a prefix", addr: "127.0.0.1:8080", prefix: "/sub", want: "http://127.0.0.1:8080/sub/"},
		{name: "IPv6", addr: "[::1]:80", want: "http://[::1]:80/"},
		{name: "every IPv6 interface", addr: "[::]:80", want: "http://localhost:80/"},
		{name: "every IPv4 interface", addr: "0.0.0.0:80", want: "http://localhost:80/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := baseURL(addr, tt.prefix), tt.want; got != want {
				t.Errorf("baseURL(%s, %q) = %q, want %q", tt.addr, tt.prefix, got, want)
			}
		})
	}
}
