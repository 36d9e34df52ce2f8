package hostperf

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// The host under load and wrk each get a core of their own. Left to the
// kernel, the host's thread shared both cores with wrk's two threads, and
// every few rounds the host waited several milliseconds for a core while
// holding requests: p99 latencies of 10 to 14 ms in single rounds, from
// the machine rather than the host. nginx runs one worker and ladder serve
// one P (GOMAXPROCS=1), so each needs exactly one core.
const (
	hostCPU = 0 // the server's core
	wrkCPU  = 1 // wrk's core
)

// tasksetBin is util-linux's taskset, part of every Debian system.
const tasksetBin = "/usr/bin/taskset"

// canPin reports whether the machine has the two cores and taskset that
// pinning needs; without them the hosts and wrk share the cores.
func canPin() bool {
	_, err := exec.LookPath(tasksetBin)
	return err == nil && runtime.NumCPU() > wrkCPU
}

// pin keeps every thread of the running process pid on cpu (threads it
// starts later inherit it). taskset --all-tasks says nothing of a process
// that is not there, so the process's own status is read back.
func pin(pid, cpu int) error {
	out, err := exec.Command(tasksetBin, "--all-tasks", "--cpu-list", "--pid", strconv.Itoa(cpu), strconv.Itoa(pid)).CombinedOutput()
	if err != nil {
		return fmt.Errorf("taskset pid %d to cpu %d: %v: %s", pid, cpu, err, out)
	}
	got, err := allowedCPUs(pid)
	if err != nil {
		return fmt.Errorf("pin pid %d: %w", pid, err)
	}
	if got != strconv.Itoa(cpu) {
		return fmt.Errorf("pin pid %d to cpu %d: it may run on %s", pid, cpu, got)
	}
	return nil
}

// allowedCPUs is the list of CPUs process pid may run on, as its status
// says, such as "0" or "0-1".
func allowedCPUs(pid int) (string, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "", err
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("no Cpus_allowed_list in /proc/%d/status", pid)
}

// onCPU is the command line that runs name with args on cpu alone.
func onCPU(cpu int, name string, args ...string) (string, []string) {
	return tasksetBin, append([]string{"--cpu-list", strconv.Itoa(cpu), name}, args...)
}
