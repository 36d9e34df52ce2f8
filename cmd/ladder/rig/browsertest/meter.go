package browsertest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
)

// Meter counts what a server sends, as a proxy between it and the browser
// would: every response's bytes, status line and headers included, and the
// paths asked for.
type Meter struct {
	mu     sync.Mutex
	bytes  int64
	paths  []string
	byPath map[string]int64
}

// Metered serves h on a loopback port until the test ends, counting what it
// sends. It returns the origin, with no trailing slash, and the meter.
func Metered(t testing.TB, h http.Handler) (string, *Meter) {
	t.Helper()
	m := &Meter{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.paths = append(m.paths, r.URL.Path)
		m.mu.Unlock()
		h.ServeHTTP(&meterWriter{ResponseWriter: w, m: m, path: r.URL.Path}, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, m
}

// Bytes returns the bytes sent since the start or the last Reset.
func (m *Meter) Bytes() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.bytes
}

// Paths returns the paths asked for since the start or the last Reset, in
// the order asked.
func (m *Meter) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.paths)
}

// BytesWhere returns the bytes sent since the start or the last Reset in
// answer to the paths keep accepts.
func (m *Meter) BytesWhere(keep func(path string) bool) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	var n int64
	for p, b := range m.byPath {
		if keep(p) {
			n += b
		}
	}
	return n
}

// Reset starts the count again.
func (m *Meter) Reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bytes, m.paths, m.byPath = 0, nil, nil
}

func (m *Meter) add(path string, n int) {
	m.mu.Lock()
	m.bytes += int64(n)
	if m.byPath == nil {
		m.byPath = map[string]int64{}
	}
	m.byPath[path] += int64(n)
	m.mu.Unlock()
}

// meterWriter counts a response as it is written.
type meterWriter struct {
	http.ResponseWriter
	m           *Meter
	path        string
	wroteHeader bool
}

func (w *meterWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		var head bytes.Buffer
		fmt.Fprintf(&head, "HTTP/1.1 %d %s\r\n", code, http.StatusText(code))
		_ = w.Header().Write(&head)
		w.m.add(w.path, head.Len()+len("\r\n"))
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *meterWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	w.m.add(w.path, len(p))
	return w.ResponseWriter.Write(p)
}

// Flush lets a streamed response through as the host sends it.
func (w *meterWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
