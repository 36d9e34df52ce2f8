package hostperf

import (
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"
)

func TestPeakRSSOfThisProcess(t *testing.T) {
	got, err := peakRSS(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	// A Go test binary is several MB resident; a few kB would mean the
	// kB were taken for bytes.
	if got < 1<<20 {
		t.Errorf("peakRSS(self) = %d bytes, want at least 1 MiB", got)
	}
}

func TestPeakRSSOfNoProcess(t *testing.T) {
	if got, err := peakRSS(-1); err == nil {
		t.Errorf("peakRSS(-1) = %d, nil; want an error", got)
	}
}

func TestChildrenFindsAChild(t *testing.T) {
	cmd := exec.Command("sleep", "10")
	if err := cmd.Start(); err != nil {
		t.Skipf("no sleep to start: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	got := children(os.Getpid())
	if !slices.Contains(got, cmd.Process.Pid) {
		t.Errorf("children(%d) = %v, want it to hold %d", os.Getpid(), got, cmd.Process.Pid)
	}
}

func TestMedianIsAWholeRound(t *testing.T) {
	rounds := []Load{
		{RPS: 300, P99: 3 * time.Millisecond},
		{RPS: 100, P99: 1 * time.Millisecond},
		{RPS: 200, P99: 2 * time.Millisecond},
		{RPS: 400, P99: 4 * time.Millisecond},
	}
	if got, want := median(rounds[:3]), rounds[2]; got != want {
		t.Errorf("median of 3 = %+v, want %+v", got, want)
	}
	if got, want := median(rounds), rounds[2]; got != want {
		t.Errorf("median of 4 = %+v, want the lower middle %+v", got, want)
	}
	if got, want := rounds[0].RPS, 300.0; got != want {
		t.Errorf("median reordered its input: first RPS %v, want %v", got, want)
	}
}
