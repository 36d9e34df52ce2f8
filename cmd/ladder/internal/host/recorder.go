package host

import (
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/ladder-explorer/ladder/web"
)

// recorder wraps a ResponseWriter to add the fixed headers just before the
// header is written, whatever deleted them before (http.ServeContent drops
// Cache-Control from its errors), and to note what was sent for the log.
type recorder struct {
	http.ResponseWriter
	status   int
	bytes    int64
	encoding string
	// length is the Content-Length of a whole file, for a 200 that lacks
	// one: http.ServeContent leaves it out when Content-Encoding is set, in
	// case a wrapper compresses on the fly, but precompressed files are
	// sent as they are. Clients show progress and keep the connection.
	length string
	// inMemory is set when the body comes from the cache: see ReadFrom.
	inMemory bool
	// immutable is set for a file whose name carries its hash, which
	// caches may keep for good (web.Immutable).
	immutable bool
}

// WriteHeader sends the header with the fixed headers added; later calls
// are ignored.
func (w *recorder) WriteHeader(code int) {
	if w.status != 0 {
		return
	}
	w.status = code
	h := w.Header()
	SetHeaders(h)
	if w.immutable && (code == http.StatusOK || code == http.StatusPartialContent || code == http.StatusNotModified) {
		h.Set("Cache-Control", web.ImmutableCacheControl)
	}
	if code == http.StatusOK && w.length != "" && h.Get("Content-Length") == "" {
		h.Set("Content-Length", w.length)
	}
	w.encoding = h.Get("Content-Encoding")
	w.ResponseWriter.WriteHeader(code)
}

// Write sends body bytes, and the header first if need be.
func (w *recorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// ReadFrom lets a file streamed from disk reach the connection through
// net/http's own ReadFrom, which can use sendfile. A body from memory is
// written instead: net/http's ReadFrom sends the header and the first 512
// bytes in a write of their own, where a small page and its header would
// otherwise leave in one.
func (w *recorder) ReadFrom(r io.Reader) (int64, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.inMemory {
		buf := copyBuffers.Get().(*[]byte)
		defer copyBuffers.Put(buf)
		return io.CopyBuffer(writerOnly{w}, r, *buf) // Write counts the bytes
	}
	n, err := io.Copy(w.ResponseWriter, r)
	w.bytes += n
	return n, err
}

// copyBuffers are the buffers ReadFrom copies a body from memory through:
// io.Copy would make one per response, of the body's size (http.ServeContent
// hands it a LimitReader), and a host answering thousands of requests a
// second would spend its time collecting them.
var copyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// writerOnly hides a writer's ReadFrom from io.Copy.
type writerOnly struct{ io.Writer }

// Unwrap gives http.ResponseController the underlying writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequest writes the one log line of a request.
func (h *handler) logRequest(w *recorder, r *http.Request, start time.Time) {
	status := w.status
	if status == 0 {
		status = http.StatusOK // what net/http sends for a handler that wrote nothing
	}
	p := r.URL.EscapedPath()
	if len(p) > maxTarget {
		p = p[:maxTarget] + "..."
	}
	h.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method),
		slog.String("path", p),
		slog.Int("status", status),
		slog.Int64("bytes", w.bytes),
		slog.Duration("duration", time.Since(start)),
		slog.String("encoding", w.encoding),
		slog.String("remote", r.RemoteAddr),
	)
}
