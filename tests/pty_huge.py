"""pty_huge.py ROWS COLS [--user USER] COMMAND...: runs COMMAND on a pty
whose window claims ROWS x COLS (a hostile client's), waits for the
browser, types a query, quits, and prints: frame|no-frame found|not-found
PEAK_KB exit STATUS, where PEAK_KB is the peak resident size of COMMAND's
own process; with --user (COMMAND is ssh), of the processes named
madoguchi that USER starts after this script did (not those of a test
beside it that started before)."""
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time


def started(pid):
    """When the process started, in seconds since boot (0 if gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0


def main():
    rows, cols = int(sys.argv[1]), int(sys.argv[2])
    args, user = sys.argv[3:], None
    if args[:1] == ["--user"]:
        user, args = args[1], args[2:]
    with open("/proc/uptime") as f:
        began = float(f.read().split()[0])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    child = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave,
                             close_fds=True, env=env, preexec_fn=os.setsid)
    os.close(slave)
    peak = 0

    def drain(seconds, want=b""):
        nonlocal peak
        seen, end = b"", time.monotonic() + seconds
        while time.monotonic() < end and not (want and want in seen):
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(master, 1 << 16)
                except OSError:
                    break
            pids = [child.pid]
            if user:
                pids = [p for p in subprocess.run(
                    ["pgrep", "-u", user, "-x", "madoguchi"], capture_output=True,
                    text=True).stdout.split() if started(p) >= began]
            for pid in pids:
                try:
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                peak = max(peak, int(line.split()[1]))
                except OSError:
                    pass
        return seen

    out = drain(20, b"47/47")
    os.write(master, b"tokyo")
    out += drain(5, "警視庁".encode())
    os.write(master, b"\025\033\033")
    drain(3)
    try:
        status = child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        status = "hung"
    print("frame" if b"47/47" in out else "no-frame",
          "found" if "警視庁".encode() in out else "not-found", peak, "exit", status)


main()
