#!/usr/bin/env python3
"""sessions.py N CMD...: N sessions of CMD at once, each in its own
pseudo-terminal of 100x30; each types an address with a postal code (the
query that needs the most: places and postal codes), then its private
dirty memory is read from /proc/PID/smaps_rollup: what the session costs
the machine on its own, beyond the pages every session shares.
Prints the mean and the largest, in kB, and the goal."""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

QUERY = "〒430-0929 静岡県浜松市中央区元城町103-2".encode()


def drain(fds, quiet):
    end = time.monotonic() + 10
    while time.monotonic() < end:
        ready, _, _ = select.select(fds, [], [], quiet)
        if not ready:
            return
        for fd in ready:
            try:
                os.read(fd, 65536)
            except OSError:
                fds = [f for f in fds if f != fd]


def private_dirty(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Private_Dirty:"):
                return int(line.split()[1])
    return 0


def main():
    n, cmd = int(sys.argv[1]), sys.argv[2:]
    # A binary just built is dirty in the page cache until written back,
    # and smaps counts its pages as each process's own dirty pages.
    os.sync()
    sessions = []
    for _ in range(n):
        pid, fd = pty.fork()
        if pid == 0:
            # The size is set before the program starts: set after, it
            # would race the start, and a session that began at 80x24
            # and was resized holds both sizes' screens in its heap.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
            os.environ.pop("TMUX", None)
            os.execvp(cmd[0], cmd)
        sessions.append((pid, fd))
    fds = [fd for _, fd in sessions]
    drain(fds, 0.5)
    for _, fd in sessions:
        os.write(fd, QUERY)
    drain(fds, 0.5)
    sizes = [private_dirty(pid) for pid, _ in sessions]
    for pid, fd in sessions:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)
    mean, most = sum(sizes) / len(sizes), max(sizes)
    print(f"  {n} sessions, after an address query: private dirty mean "
          f"{mean:.0f} kB, largest {most} kB (goal < 600 kB: "
          f"{'met' if most < 600 else 'NOT MET'})")


main()
