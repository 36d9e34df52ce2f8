package hostperf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// serveStartTimeout bounds the wait for ladder serve's "serving" line.
	serveStartTimeout = 10 * time.Second
	// serveStopTimeout is how long ladder serve may take to shut down
	// gracefully: the host itself gives requests in flight 10 s.
	serveStopTimeout = 15 * time.Second
	// killTimeout is how long a killed process may take to be reaped.
	killTimeout = 5 * time.Second
	// tailBytes is how much of ladder serve's log is kept for a failure
	// message: the last requests and the error, not the whole run.
	tailBytes = 8 << 10
)

// servingURL finds the URL in "serving DIR at http://127.0.0.1:PORT/ ...".
var servingURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)

// serveProc is a running `ladder serve`.
type serveProc struct {
	url  string // http://127.0.0.1:PORT, without a final slash
	cmd  *exec.Cmd
	done chan struct{} // closed once the process is reaped
	log  logFile       // its stderr
	once sync.Once
	rss  int64
}

// startServe runs `ladder serve` on a port of 127.0.0.1 that the host
// chooses itself (so no other process can take it first), and waits for
// the line saying where. It is stopped when the test ends, if not before.
func startServe(tb testing.TB, bin, site string, procs int) *serveProc {
	tb.Helper()
	first := &firstLine{line: make(chan string, 1)}
	s := &serveProc{done: make(chan struct{}), log: logFile(filepath.Join(tb.TempDir(), "serve.log"))}
	s.cmd = exec.Command(bin, "serve", "--dir", site, "--addr", "127.0.0.1:0")
	// The host logs one line per request to a file, as nginx writes its
	// access log: through a pipe, the server would wait on the reader, a
	// process busy measuring, and its latency would show it.
	logOut, err := os.Create(string(s.log))
	if err != nil {
		tb.Fatalf("hostperf: %v", err)
	}
	defer logOut.Close() // the child has its own copy
	s.cmd.Stdout, s.cmd.Stderr = first, logOut
	s.cmd.WaitDelay = killTimeout
	// Should the test binary die without cleaning up, take the server
	// with it rather than leave it holding a port.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if procs > 0 {
		s.cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
	}
	if err := s.cmd.Start(); err != nil {
		tb.Fatalf("hostperf: start ladder serve: %v", err)
	}
	go func() {
		_ = s.cmd.Wait()
		close(s.done)
	}()
	tb.Cleanup(func() { s.stop(tb) })
	select {
	case line := <-first.line:
		if s.url = servingURL.FindString(line); s.url == "" {
			tb.Fatalf("hostperf: ladder serve said %q, not where it serves", line)
		}
	case <-s.done:
		tb.Fatalf("hostperf: ladder serve exited: %v\n%s", s.cmd.ProcessState, s.log)
	case <-time.After(serveStartTimeout):
		tb.Fatalf("hostperf: ladder serve did not say where it serves in %v\n%s", serveStartTimeout, s.log)
	}
	return s
}

// stop reads the server's peak memory, then stops it, gracefully if it
// will, and returns that peak in bytes (0 if it could not be read). Later
// calls return the same.
func (s *serveProc) stop(tb testing.TB) int64 {
	tb.Helper()
	s.once.Do(func() {
		select {
		case <-s.done:
			if s.url != "" { // else startServe has said so
				tb.Errorf("hostperf: ladder serve exited before the end: %v\n%s", s.cmd.ProcessState, s.log)
			}
			return
		default:
		}
		rss, err := peakRSS(s.cmd.Process.Pid)
		if err != nil {
			tb.Logf("hostperf: ladder serve's peak memory: %v", err)
		}
		s.rss = rss
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
			if !s.cmd.ProcessState.Success() {
				tb.Errorf("hostperf: ladder serve: %v\n%s", s.cmd.ProcessState, s.log)
			}
			return
		case <-time.After(serveStopTimeout):
		}
		_ = s.cmd.Process.Kill()
		select {
		case <-s.done:
			tb.Errorf("hostperf: ladder serve did not stop in %v of SIGTERM; killed it\n%s", serveStopTimeout, s.log)
		case <-time.After(killTimeout):
			tb.Errorf("hostperf: ladder serve (pid %d) outlived SIGKILL by %v", s.cmd.Process.Pid, killTimeout)
		}
	})
	return s.rss
}

// firstLine is an io.Writer that hands over the first line written to it
// and drops the rest.
type firstLine struct {
	buf  []byte
	sent bool
	line chan string // buffered, gets one line
}

// Write is called by one goroutine of os/exec only.
func (w *firstLine) Write(p []byte) (int, error) {
	if w.sent {
		return len(p), nil
	}
	w.buf = append(w.buf, p...)
	for i, c := range w.buf {
		if c == '\n' {
			w.line <- string(w.buf[:i])
			w.sent, w.buf = true, nil
			break
		}
	}
	return len(p), nil
}

// logFile is the file ladder serve logs to.
type logFile string

// String is the end of the log, at most tailBytes.
func (f logFile) String() string {
	b, err := os.ReadFile(string(f))
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	return string(b[max(0, len(b)-tailBytes):])
}
