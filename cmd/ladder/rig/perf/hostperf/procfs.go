package hostperf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// peakRSS is the VmHWM of process pid, in bytes: the most memory it has
// held resident since it started, which a sample taken at the end would
// miss.
func peakRSS(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("peak memory of %d: %w", pid, err)
	}
	for line := range strings.Lines(string(status)) {
		rest, ok := strings.CutPrefix(line, "VmHWM:")
		if !ok {
			continue
		}
		kb, ok := strings.CutSuffix(strings.TrimSpace(rest), " kB")
		if !ok {
			return 0, fmt.Errorf("peak memory of %d: VmHWM %q is not in kB", pid, strings.TrimSpace(rest))
		}
		n, err := strconv.ParseInt(strings.TrimSpace(kb), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("peak memory of %d: %w", pid, err)
		}
		return n << 10, nil
	}
	return 0, fmt.Errorf("peak memory of %d: no VmHWM in /proc/%d/status", pid, pid)
}

// nginxPeakRSS adds up the peak memory of the nginx that ng is: its master
// and the master's children, the workers. It returns 0 when it cannot find
// or read them, as Report says.
func nginxPeakRSS(ng *browsertest.Server) int64 {
	master := nginxMaster(ng)
	if master == 0 {
		return 0
	}
	var sum int64
	for _, pid := range append([]int{master}, children(master)...) {
		rss, err := peakRSS(pid)
		if err != nil {
			return 0 // a process gone mid-count would make the sum a lie
		}
		sum += rss
	}
	return sum
}

// nginxMaster is the pid of ng's master process, or 0. browsertest gives
// nginx a folder of its own, the one of its error log, and writes the pid
// file there; failing that, the master is the nginx whose command line
// names that folder.
func nginxMaster(ng *browsertest.Server) int {
	dir := filepath.Dir(ng.ErrorLog)
	if b, err := os.ReadFile(filepath.Join(dir, "nginx.pid")); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && isNginx(pid, dir) {
			return pid
		}
	}
	for _, pid := range allPIDs() {
		if isNginx(pid, dir) {
			return pid
		}
	}
	return 0
}

// isNginx reports whether pid is an nginx master started with prefix dir:
// "nginx: master process /usr/sbin/nginx -p DIR/ ...". The master rewrites
// its argv into one string, so the test is on the bytes, not on arguments.
func isNginx(pid int, dir string) bool {
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return false
	}
	return bytes.HasPrefix(cmdline, []byte("nginx: master process")) && bytes.Contains(cmdline, []byte(dir))
}

// children are the processes whose parent is pid.
func children(pid int) []int {
	var out []int
	for _, p := range allPIDs() {
		if pp, err := parentPID(p); err == nil && pp == pid {
			out = append(out, p)
		}
	}
	return out
}

// parentPID reads the ppid of pid from /proc/PID/stat. The command's name
// comes in parentheses and may hold spaces and parentheses itself, so the
// fields are counted from the last ")".
func parentPID(pid int) (int, error) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	fields := strings.Fields(string(stat[i+1:])) // state, ppid, ...
	if len(fields) < 2 {
		return 0, fmt.Errorf("/proc/%d/stat: no parent", pid)
	}
	return strconv.Atoi(fields[1])
}

// allPIDs lists the processes in /proc.
func allPIDs() []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}
