package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Limits of the server, so that slow or hostile clients cannot hold
// connections or memory for long.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 120 * time.Second // the whole response: app.wasm on a slow link
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 16 << 10
	shutdownTimeout   = 10 * time.Second // for requests in flight when ctx is done
)

// Serve listens on addr (such as "127.0.0.1:8080" or ":0"), calls ready
// with the base URL it listens on, and serves h until ctx is done. It then
// shuts down gracefully, letting requests in flight finish for up to 10 s,
// and returns nil. It returns an error if it cannot listen, or if requests
// were still running when the time was up.
//
// The base URL is http://host:port/ with the Prefix of h when h was made
// by New; "localhost" stands for an address listening on every interface.
// A nil log means slog.Default(); ready may be nil.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger, ready func(url string)) error {
	if log == nil {
		log = slog.Default()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err // "listen tcp ADDR: ..." says what failed
	}
	srv := newServer(h, log)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		prefix := ""
		if s, ok := h.(*handler); ok {
			prefix = s.prefix
		}
		ready(baseURL(ln.Addr(), prefix))
	}
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// newServer is the server Serve runs, with its limits.
func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// baseURL is the URL of the site served on addr under prefix.
func baseURL(addr net.Addr, prefix string) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + prefix + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + prefix + "/"
}
