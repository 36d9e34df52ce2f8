// Package preview is the live preview behind "ladder serve --content": it
// serves a site held in memory, with the URLs and headers of the built
// site, and tells the open pages when the site changes. Every page it
// serves loads live.js, which reloads the page after a rebuild and, while a
// save breaks the content, shows the content's problems over the last good
// site.
//
// The preview keeps no offline copy: it answers for the site's service
// worker with one that keeps nothing, so that a reload always shows the
// last save.
package preview

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Base is the folder, under the site's prefix, of the preview's own files.
// Built sites have no such folder.
const Base = "/_preview/"

//go:embed live.js
var liveJS []byte

//go:embed worker.js
var workerJS []byte

// state is what the open pages are told: which build the server has and
// the problems of the content as last saved, if any.
type state struct {
	Build    string   `json:"build"`
	Problems []string `json:"problems"`
}

// site is one build: its files by their paths in the site.
type site struct {
	files map[string][]byte
}

// Server serves the site of the last good build; it is safe for
// concurrent use. Set the site with Update, report a broken save with Fail.
type Server struct {
	prefix string
	id     string // this server's, so that a page open before a restart reloads

	mu       sync.Mutex
	site     *site
	builds   int
	problems []string
	watchers map[chan state]bool
	done     chan struct{}
	closed   bool
}

// New returns a server for a site under prefix ("" or a path such as
// "/ladders"), which has no site yet: until Update, pages show the
// problems Fail reported, or that the site is being built.
func New(prefix string) *Server {
	id := make([]byte, 4)
	_, _ = rand.Read(id) // never fails
	return &Server{
		prefix:   prefix,
		id:       hex.EncodeToString(id),
		watchers: map[chan state]bool{},
		done:     make(chan struct{}),
	}
}

// Update makes files the site, clears the problems, and tells the open
// pages, which reload.
func (s *Server) Update(files map[string][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.site = &site{files: files}
	s.builds++
	s.problems = nil
	s.notify()
}

// Fail reports the problems of a save that did not build: the site stays
// as it was, and the open pages show them until the next Update.
func (s *Server) Fail(problems []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = problems
	s.notify()
}

// Close ends the event streams of the open pages, so that a server
// shutting down need not wait for them.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
}

// current is the state the pages are told. s.mu is held.
func (s *Server) current() state {
	st := state{Build: s.id, Problems: s.problems}
	if s.site != nil {
		st.Build = s.id + "-" + strconv.Itoa(s.builds)
	}
	if st.Problems == nil {
		st.Problems = []string{}
	}
	return st
}

// notify sends the current state to every open page; a page that has not
// read the previous one gets only the latest. s.mu is held.
func (s *Server) notify() {
	st := s.current()
	for w := range s.watchers {
		select {
		case <-w:
		default:
		}
		w <- st
	}
}

// watch returns a channel that receives the current state now and after
// every change, and a function that stops it.
func (s *Server) watch() (<-chan state, func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := make(chan state, 1)
	w <- s.current()
	s.watchers[w] = true
	return w, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.watchers, w)
	}
}

// events streams the state to a page as server-sent events, one JSON
// message per change, until the page goes or the server closes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	// The stream outlives the server's write timeout: lift it.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	states, stop := s.watch()
	defer stop()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case st := <-states:
			b, _ := json.Marshal(st) // strings only: cannot fail
			if _, err := w.Write(append(append([]byte("data: "), b...), '\n', '\n')); err != nil {
				return
			}
		case <-keepAlive.C:
			if _, err := w.Write([]byte(": still here\n\n")); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		flusher.Flush()
	}
}
