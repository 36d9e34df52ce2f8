package hostperf

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

func cpusOf(t *testing.T, pid int) string {
	t.Helper()
	cpus, err := allowedCPUs(pid)
	if err != nil {
		t.Fatal(err)
	}
	return cpus
}

func TestPinAndOnCPU(t *testing.T) {
	if !canPin() {
		t.Skip("needs two cores and taskset")
	}
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if got := cpusOf(t, cmd.Process.Pid); got == strconv.Itoa(hostCPU) {
		t.Fatalf("the process starts on cpu %s alone: nothing to test", got)
	}
	if err := pin(cmd.Process.Pid, hostCPU); err != nil {
		t.Fatal(err)
	}
	if got := cpusOf(t, cmd.Process.Pid); got != strconv.Itoa(hostCPU) {
		t.Errorf("pinned to cpu %d, the process may run on %q", hostCPU, got)
	}

	name, args := onCPU(wrkCPU, "sh", "-c", "grep Cpus_allowed_list /proc/self/status")
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(strings.TrimPrefix(string(out), "Cpus_allowed_list:")); got != strconv.Itoa(wrkCPU) {
		t.Errorf("run on cpu %d, the command may run on %q", wrkCPU, got)
	}
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	if err := pin(gone.Process.Pid, hostCPU); err == nil {
		t.Error("pinning a process that has exited succeeded")
	}
}
